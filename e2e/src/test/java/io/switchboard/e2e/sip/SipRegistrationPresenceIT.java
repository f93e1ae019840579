package io.switchboard.e2e.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.Availability;
import io.switchboard.core.model.Capability;
import io.switchboard.core.model.Presence;
import io.switchboard.core.model.SubscriptionState;
import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.server.store.RosterItem;
import io.switchboard.server.store.jdbc.JdbcRosterStore;
import io.switchboard.sip.presence.pidf.PidfAvailabilityMapping;
import io.switchboard.sip.presence.pidf.PidfParser;
import io.switchboard.xmpp.XmppClientSession;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * REGISTER as a presence source (ADR 0014 bridge step 4): a SIP phone that only registers — a
 * desk phone, baresip without PUBLISH — makes its user reachable to XMPP and SIP watchers, and
 * the user goes offline again when the phone unregisters or its registration expires. It never
 * speaks over a status the user set in a chat client.
 */
class SipRegistrationPresenceIT {

    @RegisterExtension
    static final BundledServerFixture SERVER = new BundledServerFixture();

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final ServerUsers users = new ServerUsers(SERVER);
    private final PidfAvailabilityMapping mapping = new PidfAvailabilityMapping();
    private final PidfParser parser = new PidfParser();

    /** {@code watcher} and {@code owner} are mutual contacts on the server's roster. */
    private void friends(String owner, String watcher) throws Exception {
        JdbcRosterStore rosters = new JdbcRosterStore(SERVER.database());
        rosters.put(owner, new RosterItem(Address.of(watcher, SERVER.domain()), watcher, SubscriptionState.BOTH,
                false, false, Set.of()));
        rosters.put(watcher, new RosterItem(Address.of(owner, SERVER.domain()), owner, SubscriptionState.BOTH,
                false, false, Set.of()));
    }

    /** A SIP watcher's subscription to {@code presentity}, active from the start (the roster allows it). */
    private SipTestUser sipWatcher(String watcher, String presentity) throws Exception {
        SipTestUser agent = users.sipAgent(watcher);
        Request subscribe = agent.request(Request.SUBSCRIBE, agent.aor(presentity), agent.aor(presentity));
        agent.withHeader(subscribe, "Event", "presence");
        subscribe.setHeader(agent.endpoint().headerFactory().createExpiresHeader(600));
        assertThat(agent.send(subscribe).getStatusCode()).isEqualTo(Response.OK);
        return agent;
    }

    /** Waits for a NOTIFY whose PIDF says {@code online}. */
    private void awaitNotify(SipTestUser watcher, boolean online) {
        await().atMost(WAIT).until(() -> {
            Request notify = watcher.next(Request.NOTIFY, Duration.ofMillis(500));
            return notify != null && notify.getRawContent() != null
                    && mapping.toPresence(parser.parse(notify.getRawContent()), Instant.now()).isOnline() == online;
        });
    }

    @Test
    void aPhoneThatOnlyRegistersMakesItsUserReachableToXmppAndSipWatchersUntilItUnregisters() throws Exception {
        String alice = users.newUser("alice");
        String bob = users.newUser("bob");
        String carol = users.newUser("carol");
        friends(alice, bob);
        friends(alice, carol);
        Address aliceAddress = Address.of(alice, SERVER.domain());
        XmppClientSession bobDesktop = users.xmpp(bob);
        SipTestUser carolPhone = sipWatcher(carol, alice);
        awaitNotify(carolPhone, false);
        assertThat(bobDesktop.presence().presenceOf(aliceAddress).isOnline()).isFalse();

        SipTestUser alicePhone = users.sipAgent(alice);
        assertThat(alicePhone.register(600).getStatusCode()).isEqualTo(Response.OK);

        await().atMost(WAIT).untilAsserted(() -> {
            Presence seen = bobDesktop.presence().presenceOf(aliceAddress);
            assertThat(seen.availability()).isEqualTo(Availability.AVAILABLE);
            assertThat(seen.capabilities()).contains(Capability.AUDIO);
        });
        awaitNotify(carolPhone, true);

        assertThat(alicePhone.register(0).getStatusCode()).isEqualTo(Response.OK);

        await().atMost(WAIT).until(() -> !bobDesktop.presence().presenceOf(aliceAddress).isOnline());
        awaitNotify(carolPhone, false);
    }

    @Test
    void anExpiredRegistrationTakesTheUserOffline() throws Exception {
        String alice = users.newUser("alice");
        String bob = users.newUser("bob");
        friends(alice, bob);
        Address aliceAddress = Address.of(alice, SERVER.domain());
        XmppClientSession bobDesktop = users.xmpp(bob);
        SipTestUser carolPhone = sipWatcher(newUserFriendOf(alice), alice);
        awaitNotify(carolPhone, false);

        SipTestUser alicePhone = users.sipAgent(alice);
        assertThat(alicePhone.register(BundledServerFixture.SIP_MIN_EXPIRES).getStatusCode()).isEqualTo(Response.OK);
        await().atMost(WAIT).until(() -> bobDesktop.presence().presenceOf(aliceAddress).isOnline());
        awaitNotify(carolPhone, true);

        // no refresh: the registrar's sweep forgets the binding, and with it the user's only device
        await().atMost(WAIT).until(() -> !bobDesktop.presence().presenceOf(aliceAddress).isOnline());
        awaitNotify(carolPhone, false);
        assertThat(SERVER.server().presenceEngine().composedPresence(aliceAddress)).isEqualTo(Presence.OFFLINE);
    }

    @Test
    void aRegisteredPhoneDoesNotSpeakOverTheStatusSetInTheChatClient() throws Exception {
        String alice = users.newUser("alice");
        String bob = users.newUser("bob");
        friends(alice, bob);
        Address aliceAddress = Address.of(alice, SERVER.domain());
        XmppClientSession aliceDesktop = users.xmpp(alice);
        aliceDesktop.presence().setOwnPresence(Availability.AWAY, "lunch");
        XmppClientSession bobDesktop = users.xmpp(bob);
        SipTestUser carolPhone = sipWatcher(newUserFriendOf(alice), alice);

        SipTestUser alicePhone = users.sipAgent(alice);
        assertThat(alicePhone.register(600).getStatusCode()).isEqualTo(Response.OK);

        await().atMost(WAIT).untilAsserted(() -> {
            Presence composed = SERVER.server().presenceEngine().composedPresence(aliceAddress);
            assertThat(composed.capabilities()).contains(Capability.IM, Capability.AUDIO);
            assertThat(composed.availability()).isEqualTo(Availability.AWAY);
            assertThat(composed.note()).isEqualTo("lunch");
        });
        // the XMPP watcher's client composes the same from the relayed resources
        await().atMost(WAIT).untilAsserted(() -> {
            Presence seen = bobDesktop.presence().presenceOf(aliceAddress);
            assertThat(seen.devices()).hasSize(2);
            assertThat(seen.availability()).isEqualTo(Availability.AWAY);
            assertThat(seen.note()).isEqualTo("lunch");
        });
        await().atMost(WAIT).until(() -> {
            Request notify = carolPhone.next(Request.NOTIFY, Duration.ofMillis(500));
            if (notify == null || notify.getRawContent() == null) {
                return false;
            }
            Presence seen = mapping.toPresence(parser.parse(notify.getRawContent()), Instant.now());
            return seen.devices().size() == 2 && seen.availability() == Availability.AWAY;
        });
    }

    @Test
    void aClosedPublicationOfTheRegisteredPhoneBeatsItsRegistration() throws Exception {
        String alice = users.newUser("alice");
        Address aliceAddress = Address.of(alice, SERVER.domain());
        SipTestUser alicePhone = users.sipAgent(alice);
        assertThat(alicePhone.register(600).getStatusCode()).isEqualTo(Response.OK);
        await().atMost(WAIT).until(() -> SERVER.server().presenceEngine().composedPresence(aliceAddress).isOnline());

        // the user sets "offline" on the phone (a closed tuple) while it stays registered
        Request publish = alicePhone.request(Request.PUBLISH, alicePhone.aor(alice), alicePhone.aor(alice));
        alicePhone.withHeader(publish, "Event", "presence");
        alicePhone.withBody(publish, "application", "pidf+xml", "<?xml version='1.0' encoding='UTF-8'?>"
                + "<presence xmlns='urn:ietf:params:xml:ns:pidf' entity='sip:" + alice + "@" + SERVER.domain() + "'>"
                + "<tuple id='phone'><status><basic>closed</basic></status></tuple></presence>");
        Response published = alicePhone.send(publish);
        assertThat(published.getStatusCode()).isEqualTo(Response.OK);
        await().atMost(WAIT).until(() ->
                SERVER.server().presenceEngine().composedPresence(aliceAddress).equals(Presence.OFFLINE));

        Request remove = alicePhone.request(Request.PUBLISH, alicePhone.aor(alice), alicePhone.aor(alice));
        alicePhone.withHeader(remove, "Event", "presence");
        alicePhone.withHeader(remove, "SIP-If-Match", SipTestUser.header(published, "SIP-ETag"));
        remove.setHeader(alicePhone.endpoint().headerFactory().createExpiresHeader(0));
        assertThat(alicePhone.send(remove).getStatusCode()).isEqualTo(Response.OK);
        await().atMost(WAIT).until(() -> SERVER.server().presenceEngine().composedPresence(aliceAddress)
                .availability() == Availability.AVAILABLE);
    }

    private String newUserFriendOf(String owner) throws Exception {
        String name = users.newUser("carol");
        friends(owner, name);
        return name;
    }
}
