package io.switchboard.media.rtp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A call's RTP or RTCP socket that takes datagrams only from the address the SDP negotiated for
 * the other side, and nothing before it is known. libjitsi itself plays whatever reaches the port:
 * anyone who guesses it could talk into the call. Since we send from the same socket (symmetric
 * RTP), a peer behind a NAT that rewrites ports shows up from another port; such a peer needs a
 * media relay, not a wider filter. It is marked DSCP EF for voice ({@link DscpMarking}).
 */
final class PeerFilteringSocket extends DatagramSocket {

    private volatile InetSocketAddress peer;
    private final AtomicLong dropped = new AtomicLong();

    PeerFilteringSocket(InetSocketAddress local) throws SocketException {
        super((java.net.SocketAddress) null);
        setReuseAddress(false);
        bind(local);
        DscpMarking.markVoice(this);
    }

    /** From now on only datagrams from {@code expected} are received. */
    void acceptOnlyFrom(InetSocketAddress expected) {
        this.peer = expected;
    }

    /** Datagrams dropped because they came from elsewhere. */
    long dropped() {
        return dropped.get();
    }

    @Override
    public void receive(DatagramPacket packet) throws IOException {
        int capacity = packet.getLength();
        while (true) {
            packet.setLength(capacity);
            super.receive(packet);
            InetSocketAddress expected = peer;
            if (expected != null && expected.getPort() == packet.getPort()
                    && expected.getAddress().equals(packet.getAddress())) {
                return;
            }
            dropped.incrementAndGet();
        }
    }
}
