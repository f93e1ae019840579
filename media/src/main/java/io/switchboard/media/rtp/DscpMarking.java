package io.switchboard.media.rtp;

import java.net.DatagramSocket;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks a call's RTP and RTCP sockets Expedited Forwarding (DSCP 46, RFC 3246), the class
 * Cisco's QoS design (and RFC 4594's "telephony" class) gives voice media, so networks that
 * honour DSCP queue it ahead of bulk traffic. The DSCP is the upper six bits of the IP TOS /
 * IPv6 traffic class byte: 46 << 2 = 0xB8.
 *
 * <p>Best effort: some systems refuse or ignore it (Windows without a QoS policy ignores it
 * silently). A refusal is logged once at debug and never fails a call.
 */
final class DscpMarking {

    /** DSCP EF (46) in the TOS / traffic class byte. */
    static final int EXPEDITED_FORWARDING = 46 << 2;

    private static final Logger LOG = LoggerFactory.getLogger(DscpMarking.class);
    private static final AtomicBoolean REFUSAL_LOGGED = new AtomicBoolean();

    private DscpMarking() {
    }

    static void markVoice(DatagramSocket socket) {
        try {
            socket.setTrafficClass(EXPEDITED_FORWARDING);
        } catch (SocketException | RuntimeException e) {
            if (REFUSAL_LOGGED.compareAndSet(false, true)) {
                LOG.debug("The system does not let RTP be marked DSCP EF; sending unmarked: {}", e.toString());
            }
        }
    }
}
