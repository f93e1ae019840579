package io.switchboard.app.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.ua.SipProxy;

import org.junit.jupiter.api.Test;

/** Only loopback here: the route to a remote proxy is this machine's business, not a test's. */
class LocalSipAddressTest {

    @Test
    void aProxyOnThisMachineIsReachedFromLoopback() {
        assertThat(LocalSipAddress.towards(new SipProxy("127.0.0.1", 5060, SipTransport.UDP))).isEqualTo("127.0.0.1");
        assertThat(LocalSipAddress.towards(new SipProxy("127.0.0.5", 5070, SipTransport.TCP))).isEqualTo("127.0.0.5");
    }
}
