package io.switchboard.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardSocketOptions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The kernel reads back the mark it was given (Linux honours IP_TOS for unprivileged sockets). */
@EnabledOnOs(OS.LINUX)
class SignallingNetworkLayerTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private final SignallingNetworkLayer layer = new SignallingNetworkLayer();

    @Test
    void udpSignallingIsMarkedCs3() throws Exception {
        try (DatagramSocket socket = layer.createDatagramSocket(0, LOOPBACK)) {
            assertThat(socket.getTrafficClass()).isEqualTo(SignallingDscp.CS3).isEqualTo(0x60);
        }
    }

    @Test
    void tcpSignallingIsMarkedCs3BothWhenListeningAndWhenConnecting() throws Exception {
        try (ServerSocket listening = layer.createServerSocket(0, 5, LOOPBACK);
             Socket connecting = layer.createSocket(LOOPBACK, listening.getLocalPort());
             Socket accepted = listening.accept()) {
            assertThat(listening.getOption(StandardSocketOptions.IP_TOS)).isEqualTo(SignallingDscp.CS3);
            assertThat(connecting.getTrafficClass()).isEqualTo(SignallingDscp.CS3);
            assertThat(accepted.getTrafficClass()).as("inherited from the listening socket").isEqualTo(SignallingDscp.CS3);
        }
    }
}
