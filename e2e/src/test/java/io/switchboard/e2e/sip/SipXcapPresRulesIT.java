package io.switchboard.e2e.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.Address;
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
import io.switchboard.sip.stack.SipStackFactory;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.sip.ua.SipUserAgentSettings;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
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
    private static final AtomicInteger NEXT = new AtomicInteger();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final PidfAvailabilityMapping mapping = new PidfAvailabilityMapping();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    private String newUser(String prefix) throws Exception {
        String name = prefix + NEXT.incrementAndGet();
        SERVER.register(name, "pw-" + name);
        return name;
    }

    private Address address(String name) {
        return Address.of(name, SERVER.domain());
    }

    private SipTestUser sipPhone(String name) throws Exception {
        SipTestUser agent = SipTestUser.udp(name, "pw-" + name, SERVER.domain(), SERVER.sipPort());
        closeables.add(agent);
        return agent;
    }

    /** The desktop client's SIP session, with the test server's XCAP root (the port is ephemeral). */
    private SipClientSession sipClient(String name) throws Exception {
        SipClientSession session = new SipClientSession(new SipStackFactory(),
                SipAccount.of(address(name), "pw-" + name, new SipProxy("127.0.0.1", SERVER.sipPort(), SipTransport.TCP))
                        .withXcapRoot(SERVER.xcapRoot()),
                SipUserAgentSettings.defaults(), Clock.systemUTC());
        closeables.add(session);
        return session;
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
        String alice = newUser("alice");
        String bob = newUser("bob");
        SipClientSession aliceSip = sipClient(alice);
        aliceSip.presence().setOwnPresence(Availability.IN_A_MEETING, "design review");
        aliceSip.signIn();
        SipTestUser bobPhone = sipPhone(bob);

        pendingSubscribe(bobPhone, alice);
        await().atMost(WAIT).until(() -> aliceSip.contacts().pendingRequests().stream()
                .anyMatch(r -> r.from().equals(address(bob))));

        aliceSip.contacts().acceptSubscription(address(bob));

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
        assertThat(new JdbcRosterStore(SERVER.database()).item(alice, address(bob)).orElseThrow().subscription())
                .isEqualTo(SubscriptionState.FROM);
        PresRules rules = new PresRulesManager(xcap(alice, "pw-" + alice), SERVER.xcapRoot(), address(alice)).fetch();
        assertThat(rules.rules()).containsExactly(PresRule.forWatcher(address(bob).toSipUri(), SubHandling.ALLOW));
    }

    @Test
    void aSipClientDeniesAPendingSipWatcherOverXcapAndTheWatcherIsRejected() throws Exception {
        String alice = newUser("alice");
        String mallory = newUser("mallory");
        SipClientSession aliceSip = sipClient(alice);
        aliceSip.signIn();
        SipTestUser malloryPhone = sipPhone(mallory);

        pendingSubscribe(malloryPhone, alice);
        await().atMost(WAIT).until(() -> aliceSip.contacts().pendingRequests().stream()
                .anyMatch(r -> r.from().equals(address(mallory))));

        aliceSip.contacts().denySubscription(address(mallory));

        Request last = malloryPhone.next(Request.NOTIFY, WAIT);
        assertThat(last).as("a final NOTIFY").isNotNull();
        assertThat(SipTestUser.header(last, "Subscription-State")).isEqualTo("terminated;reason=rejected");
        assertThat(last.getRawContent()).as("a refused watcher learns nothing").isNull();
        await().atMost(WAIT).until(() -> aliceSip.contacts().pendingRequests().isEmpty());
        assertThat(new JdbcRosterStore(SERVER.database()).pendingIn(alice)).isEmpty();
    }

    @Test
    void withoutTheRightPasswordXcapAnswers401() throws Exception {
        String alice = newUser("alice");
        java.net.URI document = XcapUris.document(SERVER.xcapRoot(), address(alice));

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
        String alice = newUser("alice");
        String bob = newUser("bob");
        SipTestUser bobPhone = sipPhone(bob);
        pendingSubscribe(bobPhone, alice);

        XcapClient asBob = xcap(bob, "pw-" + bob);
        assertThat(asBob.get(XcapUris.document(SERVER.xcapRoot(), address(alice))).status()).isEqualTo(403);
        PresRulesManager bobWritingAlices = new PresRulesManager(asBob, SERVER.xcapRoot(), address(alice));
        assertThatThrownBy(() -> bobWritingAlices.answer(address(bob), SubHandling.ALLOW))
                .isInstanceOfSatisfying(XcapException.class, e -> assertThat(e.status()).isEqualTo(403));

        // nothing changed: bob still waits for alice's answer
        assertThat(new JdbcRosterStore(SERVER.database()).pendingIn(alice)).hasSize(1);
        assertThat(bobPhone.next(Request.NOTIFY, Duration.ofSeconds(1))).isNull();
    }
}
