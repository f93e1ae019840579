package io.switchboard.media.rtp;

import io.switchboard.media.MediaException;
import io.switchboard.media.RtpPortRange;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;

import org.jitsi.service.neomedia.DefaultStreamConnector;
import org.jitsi.service.neomedia.StreamConnector;

/**
 * Binds an RTP/RTCP socket pair in the configured range, trying the pairs round-robin from
 * where the last call left off (so a port just released, whose peer may still send to it, is
 * the last to be reused). A port another program holds is skipped.
 */
public final class RtpPortAllocator {

    private final RtpPortRange range;
    private int next;

    public RtpPortAllocator(RtpPortRange range) {
        this.range = range;
        this.next = range.first();
    }

    /**
     * @throws MediaException if every pair in the range is taken
     */
    public synchronized RtpSockets bind(InetAddress localAddress) throws MediaException {
        for (int tried = 0; tried < range.pairs(); tried++) {
            int rtpPort = next;
            next = next + 2 > range.last() - 1 ? range.first() : next + 2;
            PeerFilteringSocket rtp = tryBind(localAddress, rtpPort);
            if (rtp == null) {
                continue;
            }
            PeerFilteringSocket rtcp = tryBind(localAddress, rtpPort + 1);
            if (rtcp == null) {
                rtp.close();
                continue;
            }
            return new RtpSockets(rtp, rtcp, new DefaultStreamConnector(rtp, rtcp));
        }
        throw new MediaException("No free RTP port pair in " + range.first() + "-" + range.last()
                + " on " + localAddress.getHostAddress() + ": too many calls at once, or another program uses the range");
    }

    private static PeerFilteringSocket tryBind(InetAddress address, int port) {
        try {
            return new PeerFilteringSocket(new InetSocketAddress(address, port));
        } catch (SocketException e) {
            return null;
        }
    }

    /** A call's bound RTP/RTCP pair and the libjitsi connector over it. */
    public record RtpSockets(PeerFilteringSocket rtp, PeerFilteringSocket rtcp, StreamConnector connector) {

        /** Takes datagrams only from the negotiated peer addresses from now on. */
        void acceptOnlyFrom(InetSocketAddress remoteRtp, InetSocketAddress remoteRtcp) {
            rtp.acceptOnlyFrom(remoteRtp);
            rtcp.acceptOnlyFrom(remoteRtcp);
        }

        long dropped() {
            return rtp.dropped() + rtcp.dropped();
        }
    }
}
