package io.switchboard.sip.stack;

import java.net.InetSocketAddress;

/**
 * Told about the TLS connections a stack opens: JAIN-SIP reports a failed handshake only as
 * "socket closed" or "could not connect", indistinguishable from a refused connection, so a user
 * agent learns here that the connection stood and the handshake never completed (the peer speaks
 * no TLS there, only old protocols, no common cipher suite). Called on JAIN-SIP's threads.
 */
public interface TlsHandshakeObserver {

    TlsHandshakeObserver NONE = new TlsHandshakeObserver() {
        @Override
        public void connected(InetSocketAddress peer) {
        }

        @Override
        public void handshakeCompleted(InetSocketAddress peer) {
        }
    };

    /** A TLS connection to {@code peer} is about to be opened (it may still be refused). */
    default void connecting(InetSocketAddress peer) {
    }

    /** A TCP connection for TLS to {@code peer} stands; the handshake is about to start. */
    void connected(InetSocketAddress peer);

    /** The handshake with {@code peer} completed: the connection is secure. */
    void handshakeCompleted(InetSocketAddress peer);
}
