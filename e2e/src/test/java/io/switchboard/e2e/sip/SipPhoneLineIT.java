package io.switchboard.e2e.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.sip.client.SipPhoneLine;
import io.switchboard.sip.message.DeliveryReport;
import io.switchboard.sip.stack.SipStackFactory;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.sip.ua.SipUserAgentSettings;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A phone line next to an XMPP sign-in, against the bundled server. */
class SipPhoneLineIT {

    @RegisterExtension
    static final BundledServerFixture SERVER = new BundledServerFixture();

    @RegisterExtension
    final ServerUsers users = new ServerUsers(SERVER);

    /**
     * While the user's XMPP connection is away the server sends chats to their SIP contacts; the
     * phone line refuses them, so the server keeps the chat for later (202) instead of it being
     * taken by a line that shows no chats and lost.
     */
    @Test
    void aChatSentWhileOnlyThePhoneLineIsRegisteredIsKeptForLaterNotSwallowed() throws Exception {
        String alice = users.newUser("alice");
        String bob = users.newUser("bob");
        try (SipPhoneLine line = new SipPhoneLine(new SipStackFactory(), SipAccount.of(users.address(alice),
                ServerUsers.password(alice), new SipProxy("127.0.0.1", SERVER.sipPort(), SipTransport.UDP)),
                SipUserAgentSettings.defaults())) {
            line.register();

            DeliveryReport report = users.registeredAgent(bob).messaging().send(users.address(alice), "hello?")
                    .get(10, TimeUnit.SECONDS);

            assertThat(report.status()).as("stored for alice's chat session, not delivered to her phone")
                    .isEqualTo(DeliveryReport.Status.ACCEPTED);
            assertThat(report.statusCode()).isEqualTo(202);
        }
    }
}
