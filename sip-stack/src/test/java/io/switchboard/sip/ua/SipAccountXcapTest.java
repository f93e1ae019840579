package io.switchboard.sip.ua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.model.Address;
import io.switchboard.sip.stack.SipTransport;
import java.net.URI;
import org.junit.jupiter.api.Test;

class SipAccountXcapTest {

    private static final Address ALICE = Address.of("alice", "example.com");

    @Test
    void theXcapRootDefaultsToThePrimaryProxysHostOnTheBundledServersPort() {
        SipAccount account = SipAccount.of(ALICE, "pw", new SipProxy("sip.example.com", 5070, SipTransport.TCP));

        assertThat(account.xcapRootOrDefault()).isEqualTo(URI.create("http://sip.example.com:5062/xcap-root"));
    }

    @Test
    void aConfiguredXcapRootWins() {
        URI root = URI.create("https://xcap.example.com/root");
        SipAccount account = SipAccount.of(ALICE, "pw", new SipProxy("sip.example.com", 5060, SipTransport.UDP))
                .withXcapRoot(root).withExpires(java.time.Duration.ofMinutes(5));

        assertThat(account.xcapRootOrDefault()).isEqualTo(root);
        assertThat(account.toString()).contains("xcap https://xcap.example.com/root").doesNotContain("pw,");
    }

    @Test
    void anXcapRootMustBeHttp() {
        SipAccount account = SipAccount.of(ALICE, "pw", new SipProxy("sip.example.com", 5060, SipTransport.UDP));

        assertThatThrownBy(() -> account.withXcapRoot(URI.create("sip:xcap.example.com")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
