package io.switchboard.sip.stack;

import static org.assertj.core.api.Assertions.assertThatCode;

import gov.nist.javax.sip.SipStackImpl;
import java.util.Properties;
import javax.sip.ListeningPoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The UDP listener as JAIN-SIP runs it, through the message-processor factory property. */
class CompactUdpMessageProcessorTest {

    private final SipStackImpl stack = newStack();

    @AfterEach
    void stop() {
        stack.stop();
    }

    /**
     * A server whose TLS port turns out taken stops its UDP listener a moment after starting it,
     * while JAIN-SIP's reader thread is still creating its list of message threads; that stop
     * failed with NullPointerException or ConcurrentModificationException about one time in
     * twenty (seen in CI). Deleting the listening point stops the processor the same way,
     * without the stack's one-second stop, so the race can be met many times over.
     */
    @Test
    void aListenerStoppedTheMomentItStartedStopsCleanly() {
        for (int attempt = 0; attempt < 300; attempt++) {
            assertThatCode(() -> {
                ListeningPoint point = stack.createListeningPoint("127.0.0.1", freeUdpPort(), ListeningPoint.UDP);
                stack.deleteListeningPoint(point);
            }).doesNotThrowAnyException();
        }
    }

    /** JAIN-SIP refuses port 0; the moment between the probe and the bind is harmless on loopback. */
    private static int freeUdpPort() throws java.io.IOException {
        try (java.net.DatagramSocket probe = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static SipStackImpl newStack() {
        Properties properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", "compact-udp-test");
        properties.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        properties.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
        properties.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY",
                CompactUdpMessageProcessorFactory.class.getName());
        properties.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "8");
        try {
            return new SipStackImpl(properties);
        } catch (javax.sip.PeerUnavailableException e) {
            throw new IllegalStateException(e);
        }
    }
}
