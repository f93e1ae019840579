package io.switchboard.sip.presence.watch;

import static io.switchboard.sip.ua.UserAgentFixture.BOB;
import static io.switchboard.sip.ua.UserAgentFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.Availability;
import io.switchboard.core.model.DevicePresence;
import io.switchboard.core.model.Presence;
import io.switchboard.core.presence.PresenceComposer;
import io.switchboard.sip.client.SipUserAgent;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.testpeer.TestSipServer;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.sip.ua.UserAgentFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SUBSCRIBE/NOTIFY for presence against the real JAIN-SIP test presence agent, with Bob publishing. */
class PresenceWatcherTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String BOB_BUSY = """
            <?xml version="1.0" encoding="UTF-8"?>
            <presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid"
                      xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model" entity="sip:bob@example.com">
              <tuple id="t1"><status><basic>open</basic></status></tuple>
              <dm:person id="p1"><rpid:activities><rpid:busy/></rpid:activities></dm:person>
            </presence>
            """;

    private final UserAgentFixture fixture = new UserAgentFixture();
    private final Map<Address, Presence> seen = new ConcurrentHashMap<>();
    private final List<SubscriptionStatus> statuses = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        fixture.close();
    }

    @ParameterizedTest
    @EnumSource(value = SipTransport.class, names = {"UDP", "TCP"}) // TLS: SipTlsIT, TlsListeningTest
    void subscribingDeliversTheContactsPresenceAndFollowsItsPublications(SipTransport transport) throws Exception {
        TestSipServer server = fixture.server("pa");
        SipUserAgent alice = watching(fixture.alice(server, transport));
        SipUserAgent bob = fixture.agent(SipAccount.of(BOB, PASSWORD, server.proxy(transport)),
                UserAgentFixture.fastSettings());
        bob.presence().publish(presence(Availability.IN_A_MEETING, "planning")).get(5, TimeUnit.SECONDS);

        alice.watcher().subscribe(BOB).get(5, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> availabilityOf(BOB) == Availability.IN_A_MEETING);
        assertThat(seen.get(BOB).note()).isEqualTo("planning");
        assertThat(statuses).extracting(SubscriptionStatus::state).contains(SubscriptionStatus.State.ACTIVE);
        assertThat(server.presence().notifyAnswers()).containsOnly(200);

        bob.presence().publish(presence(Availability.DO_NOT_DISTURB, "")).get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> availabilityOf(BOB) == Availability.DO_NOT_DISTURB);
        assertThat(alice.watcher().presence(BOB)).get().extracting(Presence::availability)
                .isEqualTo(Availability.DO_NOT_DISTURB);
    }

    @Test
    void aPendingSubscriptionBecomesActiveOnceAuthorised() throws Exception {
        TestSipServer server = fixture.server("pa");
        server.presence().holdPending(BOB);
        SipUserAgent alice = watching(fixture.alice(server, SipTransport.UDP));

        alice.watcher().subscribe(BOB).get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> alice.watcher().status(BOB)
                .map(s -> s.state() == SubscriptionStatus.State.PENDING).orElse(false));
        assertThat(seen).doesNotContainKey(BOB);

        server.presence().setPresence(BOB, BOB_BUSY);
        server.presence().authorize(BOB);

        await().atMost(WAIT).until(() -> availabilityOf(BOB) == Availability.BUSY);
        assertThat(alice.watcher().status(BOB)).get().extracting(SubscriptionStatus::state)
                .isEqualTo(SubscriptionStatus.State.ACTIVE);
    }

    @Test
    void anOlderNotifyProcessedAfterANewerOneChangesNothing() throws Exception {
        TestSipServer server = fixture.server("pa");
        SipUserAgent alice = watching(fixture.alice(server, SipTransport.UDP));
        alice.watcher().subscribe(BOB).get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> alice.watcher().status(BOB).isPresent());
        String callId = callId(server.received(Request.SUBSCRIBE).get(server.received(Request.SUBSCRIBE).size() - 1));

        // as JAIN-SIP's thread pool may hand them over: CSeq 1001 first, then 1000
        alice.watcher().notified(callId, 1001, SubscriptionStatus.active(600),
                java.util.Optional.of(presence(Availability.BUSY, "newer")));
        alice.watcher().notified(callId, 1000, SubscriptionStatus.PENDING,
                java.util.Optional.of(presence(Availability.AVAILABLE, "older")));

        await().atMost(WAIT).until(() -> availabilityOf(BOB) == Availability.BUSY);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> availabilityOf(BOB) == Availability.BUSY);
        assertThat(alice.watcher().status(BOB)).get().extracting(SubscriptionStatus::state)
                .isEqualTo(SubscriptionStatus.State.ACTIVE);
    }

    @Test
    void theSubscriptionIsRefreshedInItsDialogBeforeItExpires() throws Exception {
        TestSipServer server = fixture.server("pa");
        server.presence().setMaxExpires(2);
        SipUserAgent alice = watching(fixture.alice(server, SipTransport.TCP));

        alice.watcher().subscribe(BOB).get(5, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> inDialogSubscribes(server).size() >= 2);
        String callId = callId(server.received(Request.SUBSCRIBE).get(0));
        assertThat(inDialogSubscribes(server)).allSatisfy(refresh -> assertThat(callId(refresh)).isEqualTo(callId));
        assertThat(server.presence().subscriptions()).hasSize(1);
    }

    @Test
    void aDeactivatedSubscriptionIsRenewedAtOnce() throws Exception {
        TestSipServer server = fixture.server("pa");
        SipUserAgent alice = watching(fixture.alice(server, SipTransport.UDP));
        alice.watcher().subscribe(BOB).get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> server.presence().subscriptions().size() == 1);
        String first = server.presence().subscriptions().get(0).callId();

        server.presence().terminate(BOB, "deactivated", -1);

        await().atMost(WAIT).until(() -> server.presence().subscriptions().size() == 1
                && !server.presence().subscriptions().get(0).callId().equals(first));
        await().atMost(WAIT).until(() -> alice.watcher().status(BOB)
                .map(s -> s.state() == SubscriptionStatus.State.ACTIVE).orElse(false));
    }

    @Test
    void aProbationTerminationIsRenewedAfterRetryAfter() throws Exception {
        TestSipServer server = fixture.server("pa");
        SipUserAgent alice = watching(fixture.alice(server, SipTransport.UDP));
        alice.watcher().subscribe(BOB).get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> server.presence().subscriptions().size() == 1);

        server.presence().terminate(BOB, "probation", 1);

        await().atMost(WAIT).until(() -> alice.watcher().status(BOB)
                .map(s -> s.reason() == SubscriptionStatus.Reason.PROBATION).orElse(false));
        await().atMost(WAIT).until(() -> server.presence().subscriptions().size() == 1);
        assertThat(server.received(Request.SUBSCRIBE).stream().map(PresenceWatcherTest::callId).distinct()).hasSize(2);
    }

    @Test
    void aRejectedSubscriptionEndsForGoodAndTheContactIsOffline() throws Exception {
        TestSipServer server = fixture.server("pa");
        server.presence().setPresence(BOB, BOB_BUSY);
        SipUserAgent alice = watching(fixture.alice(server, SipTransport.UDP));
        alice.watcher().subscribe(BOB).get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> availabilityOf(BOB) == Availability.BUSY);
        int subscribes = server.received(Request.SUBSCRIBE).size();

        server.presence().terminate(BOB, "rejected", -1);

        await().atMost(WAIT).until(() -> availabilityOf(BOB) == Availability.OFFLINE);
        await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(3))
                .until(() -> server.received(Request.SUBSCRIBE).size() == subscribes);
        assertThat(alice.watcher().presence(BOB)).isEmpty();
    }

    @Test
    void unsubscribeEndsTheDialogWithExpiresZero() throws Exception {
        TestSipServer server = fixture.server("pa");
        SipUserAgent alice = watching(fixture.alice(server, SipTransport.UDP));
        alice.watcher().subscribe(BOB).get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> server.presence().subscriptions().size() == 1);

        alice.watcher().unsubscribe(BOB).get(5, TimeUnit.SECONDS);

        Request last = server.received(Request.SUBSCRIBE).get(server.received(Request.SUBSCRIBE).size() - 1);
        assertThat(((ExpiresHeader) last.getHeader(ExpiresHeader.NAME)).getExpires()).isZero();
        assertThat(((ToHeader) last.getHeader(ToHeader.NAME)).getTag()).isNotNull();
        // the test server forgets the subscription on its own thread, possibly after answering
        await().atMost(WAIT).until(() -> server.presence().subscriptions().isEmpty());
        await().atMost(WAIT).until(() -> server.presence().notifyAnswers().size() == server.presence().notifiesSent());
        assertThat(server.presence().notifyAnswers()).containsOnly(200);
    }

    @Test
    void fetchAsksOnceWithExpiresZero() throws Exception {
        TestSipServer server = fixture.server("pa");
        server.presence().setPresence(BOB, BOB_BUSY);
        SipUserAgent alice = fixture.alice(server, SipTransport.TCP);

        Presence presence = alice.watcher().fetch(BOB).get(5, TimeUnit.SECONDS);

        assertThat(presence.availability()).isEqualTo(Availability.BUSY);
        Request fetch = server.received(Request.SUBSCRIBE).get(server.received(Request.SUBSCRIBE).size() - 1);
        assertThat(((ExpiresHeader) fetch.getHeader(ExpiresHeader.NAME)).getExpires()).isZero();
        await().atMost(WAIT).until(() -> server.presence().subscriptions().isEmpty());
    }

    @Test
    void hostileNotifiesAreRefusedWithClearStatusCodesAndChangeNothing() throws Exception {
        TestSipServer server = fixture.server("pa");
        server.presence().setPresence(BOB, BOB_BUSY);
        SipUserAgent alice = watching(fixture.alice(server, SipTransport.UDP));
        alice.watcher().subscribe(BOB).get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> availabilityOf(BOB) == Availability.BUSY);

        // one at a time: NOTIFYs of one dialog overtaking each other would be answered 500 (CSeq
        // order), which is right but not what this test is about
        notifyAndAwaitAnswer(server, "application/pidf+xml",
                "<presence xmlns='urn:ietf:params:xml:ns:pidf'><tuple".getBytes(StandardCharsets.UTF_8));
        notifyAndAwaitAnswer(server, "application/pidf+xml", ("<?xml version='1.0'?>"
                + "<!DOCTYPE p [<!ENTITY x 'boom'>]><presence xmlns='urn:ietf:params:xml:ns:pidf' entity='sip:b@x'/>")
                .getBytes(StandardCharsets.UTF_8));
        notifyAndAwaitAnswer(server, "text/plain", "busy".getBytes(StandardCharsets.UTF_8));

        assertThat(server.presence().notifyAnswers()).containsExactlyInAnyOrder(200, 400, 400, 415);
        assertThat(availabilityOf(BOB)).isEqualTo(Availability.BUSY);
    }

    private static void notifyAndAwaitAnswer(TestSipServer server, String contentType, byte[] body) throws Exception {
        server.presence().notifyRaw(BOB, "active;expires=60", contentType, body);
        await().atMost(WAIT).until(() -> server.presence().notifyAnswers().size() == server.presence().notifiesSent());
    }

    private SipUserAgent watching(SipUserAgent agent) {
        agent.watcher().addListener(new WatcherListener() {
            @Override
            public void presenceChanged(Address contact, Presence presence) {
                seen.put(contact, presence);
            }

            @Override
            public void subscriptionChanged(Address contact, SubscriptionStatus status) {
                statuses.add(status);
            }
        });
        return agent;
    }

    private Availability availabilityOf(Address contact) {
        Presence presence = seen.get(contact);
        return presence == null ? null : presence.availability();
    }

    private static List<Request> inDialogSubscribes(TestSipServer server) {
        return server.received(Request.SUBSCRIBE).stream()
                .filter(r -> ((ToHeader) r.getHeader(ToHeader.NAME)).getTag() != null)
                .toList();
    }

    private static String callId(Request request) {
        return ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
    }

    static Presence presence(Availability availability, String note) {
        return PresenceComposer.compose(List.of(DevicePresence.of("desk", availability, note)));
    }

}
