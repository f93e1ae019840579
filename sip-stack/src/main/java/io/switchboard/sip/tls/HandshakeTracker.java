package io.switchboard.sip.tls;

import io.switchboard.sip.stack.TlsHandshakeObserver;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Remembers a TLS connection of ours that stood but whose handshake has not completed, so a failed
 * send can be told apart as a TLS failure rather than an unreachable server. Thread-safe.
 */
public final class HandshakeTracker implements TlsHandshakeObserver {

    private final AtomicReference<InetSocketAddress> unfinished = new AtomicReference<>();

    @Override
    public void connecting(InetSocketAddress peer) {
        // a new attempt: an older unfinished handshake no longer explains what happens next
        unfinished.set(null);
    }

    @Override
    public void connected(InetSocketAddress peer) {
        unfinished.set(peer);
    }

    @Override
    public void handshakeCompleted(InetSocketAddress peer) {
        unfinished.compareAndSet(peer, null);
    }

    /** The peer of the latest TLS connection whose handshake did not (yet) complete. */
    public Optional<InetSocketAddress> unfinishedHandshake() {
        return Optional.ofNullable(unfinished.get());
    }
}
