package io.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.media.MediaException;
import io.switchboard.media.RtpPortRange;
import java.net.InetAddress;
import java.net.SocketException;
import org.junit.jupiter.api.Test;

/**
 * A call's RTP and RTCP sockets are marked DSCP EF. The traffic class is read back from the
 * kernel (getsockopt IP_TOS), so on Linux this checks what the packets will carry.
 */
class DscpMarkingIT {

    @Test
    void rtpAndRtcpSocketsAreMarkedExpeditedForwarding() throws MediaException, SocketException {
        RtpPortAllocator.RtpSockets sockets = new RtpPortAllocator(new RtpPortRange(47190, 47199))
                .bind(InetAddress.getLoopbackAddress());
        try {
            assertThat(sockets.rtp().getTrafficClass()).isEqualTo(0xB8);
            assertThat(sockets.rtcp().getTrafficClass()).isEqualTo(0xB8);
        } finally {
            sockets.connector().close();
        }
    }
}
