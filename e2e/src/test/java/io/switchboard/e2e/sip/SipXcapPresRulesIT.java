package io.switchboard.e2e.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.Availability;
import io.switchboard.core.model.SubscriptionState;
import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.server.store.jdbc.JdbcRosterStore;
import io.switchboard.sip.auth.DigestCredentials;
import io.switchboard.sip.auth.DigestResponder;
import io.switchboard.sip.client.SipClientSession;
import io.switchboard.sip.presence.pidf.PidfAvailabilityMapping;
import io.switchboard.sip.presence.pidf.PidfParser;
import io.switchboard.sip.presence.xcap.PresRule;
import io.switchboard.sip.presence.xcap.PresRules;
import io.switchboard.sip.presence.xcap.PresRulesManager;
import io.switchboard.sip.presence.xcap.SubHandling;
import io.switchboard.sip.presence.xcap.XcapClient;
import io.switchboard.sip.presence.xcap.XcapException;
import io.switchboard.sip.presence.xcap.XcapUris;
import io.switchboard.sip.stack.SipTransport;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A SIP-only user answers watch requests from their SIP client (ADR 0019): the bundled server's
 * XCAP pres-rules, over real HTTP with digest, feed the one authorisation decision of ADR 0017, so
 * the pending SIP watcher is made active (with the presentity's presence) or ended as rejected.
 */
class SipXcapPresRulesIT {

    @RegisterExtension
    static final BundledServerFixture SERVER = new BundledServerFixture();

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final ServerUsers users = new ServerUsers(SERVER);
    private final PidfAvailabilityMapping mapping = new PidfAvailabilityMapping();

    /** The desktop client's SIP session, with the test server's XCAP root (the port is ephemeral). */
    private SipClientSession sipClient(String name) throws Exception {
        return users.sipClient(name, SipTransport.TCP, account -> account.withXcapRoot(SERVER.xcapRoot()));
    }

    private static void pendingSubscribe(SipTestUser watcher, String presentity) throws Exception {
        Request subscribe = watcher.request(Request.SUBSCRIBE, watcher.aor(presentity), watcher.aor(presentity));
        watcher.withHeader(subscribe, "Event", "presence");
        subscribe.setHeader(watcher.endpoint().headerFactory().createExpiresHeader(600));
        assertThat(watcher.send(subscribe).getStatusCode()).isEqualTo(Response.OK);
        Request pending = watcher.next(Request.NOTIFY, WAIT);
        assertThat(SipTestUser.header(pending, "Subscription-State")).startsWith("pending");
    }

    private XcapClient xcap(String user, String password) {
        return new XcapClient(HttpClient.newHttpClient(), new DigestCredentials(user, password), new DigestResponder(),
                WAIT);
    }

    @Test
    void aSipClientAcceptsAPendingSipWatcherOverXcapAndTheWatcherGetsItsPresence() throws Exception {
        String alice = users.newUser("alice");
        String bob = users.newUser("bob");
        SipClientSession aliceSip = sipClient(alice);
        aliceSip.presence().setOwnPresence(Availability.IN_A_MEETING, "design review");
        aliceSip.signIn();
        SipTestUser bobPhone = users.sipAgent(bob);

        pendingSubscribe(bobPhone, alice);
        await().atMost(WAIT).until(() -> aliceSip.contacts().pendingRequests().stream()
                .anyMatch(r -> r.from().equals(users.address(bob))));

        aliceSip.contacts().acceptSubscription(users.address(bob));

        PidfParser parser = new PidfParser();
        await().atMost(WAIT).until(() -> {
            Request notify = bobPhone.next(Request.NOTIFY, Duration.ofMillis(500));
            return notify != null && SipTestUser.header(notify, "Subscription-State").startsWith("active")
                    && notify.getRawContent() != null
                    && mapping.toPresence(parser.parse(notify.getRawContent()), Instant.now()).availability()
                            == Availability.IN_A_MEETING;
        });
        // the watcher-info NOTIFY says bob is active: the request leaves alice's buddy list
        await().atMost(WAIT).until(() -> aliceSip.contacts().pendingRequests().isEmpty());
        // one decision: the roster (what XMPP clients see) holds it, and the pres-rules document shows it
        assertThat(new JdbcRosterStore(SERVER.database()).item(alice, users.address(bob)).orElseThrow().subscription())
                .isEqualTo(SubscriptionState.FROM);
        PresRules rules = new PresRulesManager(xcap(alice, "pw-" + alice), SERVER.xcapRoot(), users.address(alice)).fetch();
        assertThat(rules.rules()).containsExactly(PresRule.forWatcher(users.address(bob).toSipUri(), SubHandling.ALLOW));
    }

    @Test
    void aSipClientDeniesAPendingSipWatcherOverXcapAndTheWatcherIsRejected() throws Exception {
        String alice = users.newUser("alice");
        String mallory = users.newUser("mallory");
        SipClientSession aliceSip = sipClient(alice);
        aliceSip.signIn();
        SipTestUser malloryPhone = users.sipAgent(mallory);

        pendingSubscribe(malloryPhone, alice);
        await().atMost(WAIT).until(() -> aliceSip.contacts().pendingRequests().stream()
                .anyMatch(r -> r.from().equals(users.address(mallory))));

        aliceSip.contacts().denySubscription(users.address(mallory));

        Request last = malloryPhone.next(Request.NOTIFY, WAIT);
        assertThat(last).as("a final NOTIFY").isNotNull();
        assertThat(SipTestUser.header(last, "Subscription-State")).isEqualTo("terminated;reason=rejected");
        assertThat(last.getRawContent()).as("a refused watcher learns nothing").isNull();
        await().atMost(WAIT).until(() -> aliceSip.contacts().pendingRequests().isEmpty());
        assertThat(new JdbcRosterStore(SERVER.database()).pendingIn(alice)).isEmpty();
    }

    @Test
    void withoutTheRightPasswordXcapAnswers401() throws Exception {
        String alice = users.newUser("alice");
        java.net.URI document = XcapUris.document(SERVER.xcapRoot(), users.address(alice));

        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(document).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Digest ").contains("realm=\"" + SERVER.domain() + "\""));

        assertThatThrownBy(() -> xcap(alice, "wrong").get(document))
                .isInstanceOfSatisfying(XcapException.class, e -> assertThat(e.status()).isEqualTo(401));
        assertThat(xcap(alice, "pw-" + alice).get(document).status()).isEqualTo(200);
    }

    @Test
    void aUserCannotReadOrWriteAnotherUsersPresenceRules() throws Exception {
        String alice = users.newUser("alice");
        String bob = users.newUser("bob");
        SipTestUser bobPhone = users.sipAgent(bob);
        pendingSubscribe(bobPhone, alice);

        XcapClient asBob = xcap(bob, "pw-" + bob);
        assertThat(asBob.get(XcapUris.document(SERVER.xcapRoot(), users.address(alice))).status()).isEqualTo(403);
        PresRulesManager bobWritingAlices = new PresRulesManager(asBob, SERVER.xcapRoot(), users.address(alice));
        assertThatThrownBy(() -> bobWritingAlices.answer(users.address(bob), SubHandling.ALLOW))
                .isInstanceOfSatisfying(XcapException.class, e -> assertThat(e.status()).isEqualTo(403));

        // nothing changed: bob still waits for alice's answer
        assertThat(new JdbcRosterStore(SERVER.database()).pendingIn(alice)).hasSize(1);
        assertThat(bobPhone.next(Request.NOTIFY, Duration.ofSeconds(1))).isNull();
    }
}
