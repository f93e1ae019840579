package io.switchboard.e2e.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.Availability;
import io.switchboard.core.model.DevicePresence;
import io.switchboard.core.model.Presence;
import io.switchboard.core.model.SubscriptionState;
import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.server.store.RosterItem;
import io.switchboard.server.store.jdbc.JdbcRosterStore;
import io.switchboard.sip.presence.pidf.PidfAvailabilityMapping;
import io.switchboard.sip.presence.pidf.PidfParser;
import io.switchboard.xmpp.XmppClientSession;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One presence per user across protocols (ADR 0014, bridge steps 1 and 2): what a user sets in
 * their XMPP client reaches SIP watchers as PIDF, and what their SIP device PUBLISHes joins their
 * XMPP resources in the server's composed presence.
 */
class SipXmppBridgeIT {

    @RegisterExtension
    static final BundledServerFixture SERVER = new BundledServerFixture();

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final ServerUsers users = new ServerUsers(SERVER);
    private final PidfAvailabilityMapping mapping = new PidfAvailabilityMapping();

    private void approve(String owner, String watcher) throws Exception {
        new JdbcRosterStore(SERVER.database()).put(owner, new RosterItem(Address.of(watcher, SERVER.domain()), watcher,
                SubscriptionState.FROM, false, false, Set.of()));
    }

    @Test
    void anXmppStatusChangeReachesSipWatchersAsPidf() throws Exception {
        String alice = users.newUser("alice");
        String bob = users.newUser("bob");
        approve(alice, bob);
        XmppClientSession aliceDesktop = users.xmpp(alice);
        SipTestUser bobPhone = users.sipAgent(bob);

        Request subscribe = bobPhone.request(Request.SUBSCRIBE, bobPhone.aor(alice), bobPhone.aor(alice));
        bobPhone.withHeader(subscribe, "Event", "presence");
        subscribe.setHeader(bobPhone.endpoint().headerFactory().createExpiresHeader(600));
        assertThat(bobPhone.send(subscribe).getStatusCode()).isEqualTo(Response.OK);

        aliceDesktop.presence().setOwnPresence(Availability.ON_THE_PHONE, "call with Carol");

        PidfParser parser = new PidfParser();
        await().atMost(WAIT).until(() -> {
            Request notify = bobPhone.next(Request.NOTIFY, Duration.ofMillis(500));
            if (notify == null || notify.getRawContent() == null) {
                return false;
            }
            Presence seen = mapping.toPresence(parser.parse(notify.getRawContent()), Instant.now());
            return seen.availability() == Availability.ON_THE_PHONE && seen.note().equals("call with Carol");
        });
    }

    @Test
    void aSipPublicationJoinsTheXmppResourcesInTheOneComposedPresence() throws Exception {
        String alice = users.newUser("alice");
        XmppClientSession aliceDesktop = users.xmpp(alice);
        aliceDesktop.presence().setOwnPresence(Availability.AWAY, "lunch");
        Address address = Address.of(alice, SERVER.domain());
        await().atMost(WAIT).until(() ->
                SERVER.server().presenceEngine().composedPresence(address).availability() == Availability.AWAY);

        SipTestUser alicePhone = users.sipAgent(alice);
        Presence phone = new Presence(Availability.DO_NOT_DISTURB, "do not call",
                List.of(DevicePresence.of("deskphone", Availability.DO_NOT_DISTURB, "do not call")), Set.of());
        Request publish = alicePhone.request(Request.PUBLISH, alicePhone.aor(alice), alicePhone.aor(alice));
        alicePhone.withHeader(publish, "Event", "presence");
        alicePhone.withBody(publish, "application", "pidf+xml", new String(
                new io.switchboard.sip.presence.pidf.PidfWriter().write(
                        mapping.toPidf("sip:" + alice + "@localhost", phone, Instant.now())), StandardCharsets.UTF_8));
        Response published = alicePhone.send(publish);
        assertThat(published.getStatusCode()).isEqualTo(Response.OK);

        // do-not-disturb on any device speaks for the user (core's PresenceComposer)
        await().atMost(WAIT).untilAsserted(() -> {
            Presence composed = SERVER.server().presenceEngine().composedPresence(address);
            assertThat(composed.availability()).isEqualTo(Availability.DO_NOT_DISTURB);
            assertThat(composed.devices()).extracting(DevicePresence::deviceId)
                    .contains("desktop", "sip:deskphone");
        });

        Request remove = alicePhone.request(Request.PUBLISH, alicePhone.aor(alice), alicePhone.aor(alice));
        alicePhone.withHeader(remove, "Event", "presence");
        alicePhone.withHeader(remove, "SIP-If-Match", SipTestUser.header(published, "SIP-ETag"));
        remove.setHeader(alicePhone.endpoint().headerFactory().createExpiresHeader(0));
        assertThat(alicePhone.send(remove).getStatusCode()).isEqualTo(Response.OK);
        await().atMost(WAIT).until(() ->
                SERVER.server().presenceEngine().composedPresence(address).availability() == Availability.AWAY);
    }

    @Test
    void anXmppWatcherSeesTheSipPhoneAsAResourceOfItsUser() throws Exception {
        String alice = users.newUser("alice");
        String bob = users.newUser("bob");
        approve(alice, bob);
        new JdbcRosterStore(SERVER.database()).put(bob, new RosterItem(Address.of(alice, SERVER.domain()), alice,
                SubscriptionState.TO, false, false, Set.of()));
        XmppClientSession bobDesktop = users.xmpp(bob);
        Address aliceAddress = Address.of(alice, SERVER.domain());
        assertThat(bobDesktop.presence().presenceOf(aliceAddress).isOnline()).isFalse();

        SipTestUser alicePhone = users.sipAgent(alice);
        Presence phone = new Presence(Availability.ON_THE_PHONE, "call with Dave",
                List.of(DevicePresence.of("deskphone", Availability.ON_THE_PHONE, "call with Dave")), Set.of());
        Request publish = alicePhone.request(Request.PUBLISH, alicePhone.aor(alice), alicePhone.aor(alice));
        alicePhone.withHeader(publish, "Event", "presence");
        alicePhone.withBody(publish, "application", "pidf+xml", new String(
                new io.switchboard.sip.presence.pidf.PidfWriter().write(
                        mapping.toPidf("sip:" + alice + "@localhost", phone, Instant.now())), StandardCharsets.UTF_8));
        Response published = alicePhone.send(publish);
        assertThat(published.getStatusCode()).isEqualTo(Response.OK);

        await().atMost(WAIT).untilAsserted(() -> {
            Presence seen = bobDesktop.presence().presenceOf(aliceAddress);
            assertThat(seen.availability()).isEqualTo(Availability.ON_THE_PHONE);
            assertThat(seen.note()).isEqualTo("call with Dave");
        });

        // a watcher who signs in later learns of the phone from the probe answer
        XmppClientSession bobLaptop = users.xmpp(bob, "laptop");
        await().atMost(WAIT).until(() ->
                bobLaptop.presence().presenceOf(aliceAddress).availability() == Availability.ON_THE_PHONE);

        Request remove = alicePhone.request(Request.PUBLISH, alicePhone.aor(alice), alicePhone.aor(alice));
        alicePhone.withHeader(remove, "Event", "presence");
        alicePhone.withHeader(remove, "SIP-If-Match", SipTestUser.header(published, "SIP-ETag"));
        remove.setHeader(alicePhone.endpoint().headerFactory().createExpiresHeader(0));
        assertThat(alicePhone.send(remove).getStatusCode()).isEqualTo(Response.OK);
        await().atMost(WAIT).until(() -> !bobDesktop.presence().presenceOf(aliceAddress).isOnline());
    }

    @Test
    void anApprovalGivenInTheXmppClientActivatesThePendingSipWatcher() throws Exception {
        String alice = users.newUser("alice");
        String eve = users.newUser("eve");
        XmppClientSession aliceDesktop = users.xmpp(alice);
        aliceDesktop.presence().setOwnPresence(Availability.IN_A_MEETING, "design review");
        SipTestUser evePhone = users.sipAgent(eve);

        Request subscribe = evePhone.request(Request.SUBSCRIBE, evePhone.aor(alice), evePhone.aor(alice));
        evePhone.withHeader(subscribe, "Event", "presence");
        subscribe.setHeader(evePhone.endpoint().headerFactory().createExpiresHeader(600));
        assertThat(evePhone.send(subscribe).getStatusCode()).isEqualTo(Response.OK);
        Request pending = evePhone.next(Request.NOTIFY, WAIT);
        assertThat(SipTestUser.header(pending, "Subscription-State")).startsWith("pending");

        // eve asks over XMPP, alice approves in her XMPP client: one decision for both protocols
        XmppClientSession eveDesktop = users.xmpp(eve);
        Address aliceAddress = Address.of(alice, SERVER.domain());
        Address eveAddress = Address.of(eve, SERVER.domain());
        eveDesktop.contacts().addContact(aliceAddress, "Alice", Set.of());
        await().atMost(WAIT).until(() -> aliceDesktop.contacts().pendingRequests().stream()
                .anyMatch(r -> r.from().equals(eveAddress)));
        aliceDesktop.contacts().acceptSubscription(eveAddress);

        PidfParser parser = new PidfParser();
        await().atMost(WAIT).until(() -> {
            Request notify = evePhone.next(Request.NOTIFY, Duration.ofMillis(500));
            return notify != null && SipTestUser.header(notify, "Subscription-State").startsWith("active")
                    && mapping.toPresence(parser.parse(notify.getRawContent()), Instant.now()).availability()
                            == Availability.IN_A_MEETING;
        });
    }

    private static Request pendingSubscribe(SipTestUser watcher, String presentity) throws Exception {
        Request subscribe = watcher.request(Request.SUBSCRIBE, watcher.aor(presentity), watcher.aor(presentity));
        watcher.withHeader(subscribe, "Event", "presence");
        subscribe.setHeader(watcher.endpoint().headerFactory().createExpiresHeader(600));
        assertThat(watcher.send(subscribe).getStatusCode()).isEqualTo(Response.OK);
        Request pending = watcher.next(Request.NOTIFY, WAIT);
        assertThat(SipTestUser.header(pending, "Subscription-State")).startsWith("pending");
        return pending;
    }

    @Test
    void aSipWatchersRequestIsShownInTheXmppClientAndItsApprovalActivatesTheSubscription() throws Exception {
        String alice = users.newUser("alice");
        String eve = users.newUser("eve");
        Address eveAddress = Address.of(eve, SERVER.domain());
        SipTestUser evePhone = users.sipAgent(eve);

        // alice is offline when eve's phone asks: the request waits in the store (pending-in)
        pendingSubscribe(evePhone, alice);
        XmppClientSession aliceDesktop = users.xmpp(alice);
        aliceDesktop.presence().setOwnPresence(Availability.IN_A_MEETING, "design review");
        await().atMost(WAIT).until(() -> aliceDesktop.contacts().pendingRequests().stream()
                .anyMatch(r -> r.from().equals(eveAddress)));

        aliceDesktop.contacts().acceptSubscription(eveAddress);

        PidfParser parser = new PidfParser();
        await().atMost(WAIT).until(() -> {
            Request notify = evePhone.next(Request.NOTIFY, Duration.ofMillis(500));
            return notify != null && SipTestUser.header(notify, "Subscription-State").startsWith("active")
                    && mapping.toPresence(parser.parse(notify.getRawContent()), Instant.now()).availability()
                            == Availability.IN_A_MEETING;
        });
        assertThat(aliceDesktop.contacts().pendingRequests()).noneMatch(r -> r.from().equals(eveAddress));
    }

    @Test
    void aSipWatcherDeniedInTheXmppClientIsTerminatedAsRejected() throws Exception {
        String alice = users.newUser("alice");
        String mallory = users.newUser("mallory");
        Address malloryAddress = Address.of(mallory, SERVER.domain());
        XmppClientSession aliceDesktop = users.xmpp(alice);
        SipTestUser malloryPhone = users.sipAgent(mallory);

        // alice is online: the request reaches her client at once
        pendingSubscribe(malloryPhone, alice);
        await().atMost(WAIT).until(() -> aliceDesktop.contacts().pendingRequests().stream()
                .anyMatch(r -> r.from().equals(malloryAddress)));

        aliceDesktop.contacts().denySubscription(malloryAddress);

        Request last = malloryPhone.next(Request.NOTIFY, WAIT);
        assertThat(last).as("a final NOTIFY").isNotNull();
        assertThat(SipTestUser.header(last, "Subscription-State")).isEqualTo("terminated;reason=rejected");
        assertThat(last.getRawContent()).as("a refused watcher learns nothing").isNull();
        assertThat(new JdbcRosterStore(SERVER.database()).pendingIn(alice)).isEmpty();
    }

    @Test
    void theSipClientSeesWhoAsksToWatchItAndTheRequestGoesOnceAnsweredInTheXmppClient() throws Exception {
        String alice = users.newUser("alice");
        String eve = users.newUser("eve");
        Address eveAddress = Address.of(eve, SERVER.domain());
        io.switchboard.sip.client.SipClientSession aliceSip = new io.switchboard.sip.client.SipClientSession(
                new io.switchboard.sip.stack.SipStackFactory(),
                io.switchboard.sip.ua.SipAccount.of(Address.of(alice, SERVER.domain()), "pw-" + alice,
                        new io.switchboard.sip.ua.SipProxy("127.0.0.1", SERVER.sipPort(),
                                io.switchboard.sip.stack.SipTransport.TCP)),
                io.switchboard.sip.ua.SipUserAgentSettings.defaults(), Clock.systemUTC());
        users.closeAfter(aliceSip);
        aliceSip.signIn();
        SipTestUser evePhone = users.sipAgent(eve);

        pendingSubscribe(evePhone, alice);

        // watcher-info (RFC 3857) brings eve's pending request to alice's SIP buddy list
        await().atMost(WAIT).until(() -> aliceSip.contacts().pendingRequests().stream()
                .anyMatch(r -> r.from().equals(eveAddress)));

        XmppClientSession aliceDesktop = users.xmpp(alice);
        await().atMost(WAIT).until(() -> aliceDesktop.contacts().pendingRequests().stream()
                .anyMatch(r -> r.from().equals(eveAddress)));
        aliceDesktop.contacts().acceptSubscription(eveAddress);

        await().atMost(WAIT).until(() -> aliceSip.contacts().pendingRequests().isEmpty());
    }
}
