package io.switchboard.sip.stack;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks SIP's sockets DSCP CS3, the class Cisco's QoS design gives call signalling (RTP is EF,
 * see the media module), where the operating system allows it; where it does not, signalling
 * simply goes unmarked — never a failure. A listening socket passes its mark to the connections
 * it accepts (Linux copies the TOS to accepted sockets).
 */
final class SignallingDscp {

    /** DSCP 24 (CS3) in the upper six bits of the IP traffic-class byte. */
    static final int CS3 = 24 << 2;

    private static final Logger LOG = LoggerFactory.getLogger(SignallingDscp.class);
    private static final AtomicBoolean REFUSAL_LOGGED = new AtomicBoolean();

    private SignallingDscp() {
    }

    static DatagramSocket mark(DatagramSocket socket) {
        try {
            socket.setTrafficClass(CS3);
        } catch (IOException | RuntimeException e) {
            refused(e);
        }
        return socket;
    }

    static <S extends Socket> S mark(S socket) {
        try {
            socket.setTrafficClass(CS3);
        } catch (IOException | RuntimeException e) {
            refused(e);
        }
        return socket;
    }

    static <S extends ServerSocket> S mark(S socket) {
        try {
            socket.setOption(StandardSocketOptions.IP_TOS, CS3);
        } catch (IOException | RuntimeException e) {
            refused(e);
        }
        return socket;
    }

    private static void refused(Exception e) {
        if (REFUSAL_LOGGED.compareAndSet(false, true)) {
            LOG.debug("SIP signalling left unmarked (DSCP CS3 refused by the system): {}", e.toString());
        }
    }
}
