package io.switchboard.e2e.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.SubscriptionState;
import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.server.store.RosterItem;
import io.switchboard.server.store.jdbc.JdbcRosterStore;
import io.switchboard.sip.presence.pidf.BasicStatus;
import io.switchboard.sip.presence.pidf.PidfDocument;
import io.switchboard.sip.presence.pidf.PidfNote;
import io.switchboard.sip.presence.pidf.PidfParser;
import io.switchboard.sip.presence.pidf.PidfTuple;
import io.switchboard.sip.presence.pidf.PidfWriter;
import io.switchboard.sip.presence.winfo.Watcher;
import io.switchboard.sip.presence.winfo.WatcherEvent;
import io.switchboard.sip.presence.winfo.WatcherInfo;
import io.switchboard.sip.presence.winfo.WatcherInfoParser;
import io.switchboard.sip.presence.winfo.WatcherStatus;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The presence agent end to end with JAIN-SIP user agents: PUBLISH (RFC 3903), SUBSCRIBE/NOTIFY
 * for presence (RFC 3856) authorised through the roster the XMPP side uses, watcher info
 * (RFC 3857/3858), fetch, expiry and NOTIFY throttling.
 */
class SipPresenceIT {

    @RegisterExtension
    static final BundledServerFixture SERVER = new BundledServerFixture();

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final AtomicInteger NEXT = new AtomicInteger();
    private final List<SipTestUser> agents = new ArrayList<>();
    private final PidfParser pidf = new PidfParser();

    @AfterEach
    void closeAgents() {
        agents.forEach(SipTestUser::close);
    }

    private SipTestUser user(String prefix) throws Exception {
        return user(prefix, false);
    }

    private SipTestUser user(String prefix, boolean tcp) throws Exception {
        String name = prefix + NEXT.incrementAndGet();
        SERVER.register(name, "pw-" + name);
        SipTestUser agent = tcp
                ? SipTestUser.tcp(name, "pw-" + name, SERVER.domain(), SERVER.sipPort())
                : SipTestUser.udp(name, "pw-" + name, SERVER.domain(), SERVER.sipPort());
        agents.add(agent);
        return agent;
    }

    /** {@code owner} lets {@code watcher} see their presence, as an XMPP approval would. */
    private void approve(SipTestUser owner, SipTestUser watcher) throws Exception {
        new JdbcRosterStore(SERVER.database()).put(owner.user, new RosterItem(Address.of(watcher.user, SERVER.domain()),
                watcher.user, SubscriptionState.FROM, false, false, Set.of()));
    }

    private Request subscribe(SipTestUser watcher, String presentity, String event, int expires) throws Exception {
        Request subscribe = watcher.request(Request.SUBSCRIBE, watcher.aor(presentity), watcher.aor(presentity));
        watcher.withHeader(subscribe, "Event", event);
        subscribe.setHeader(watcher.endpoint().headerFactory().createExpiresHeader(expires));
        return subscribe;
    }

    /** A refresh (or unsubscribe) in the dialog {@code ok} established. */
    private Request refresh(SipTestUser watcher, Request original, Response ok, int expires) throws Exception {
        Request again = watcher.request(Request.SUBSCRIBE, original.getRequestURI(),
                ((ToHeader) original.getHeader(ToHeader.NAME)).getAddress().getURI(),
                SipTestUser.header(original, "Call-ID"));
        ((ToHeader) again.getHeader(ToHeader.NAME)).setTag(((ToHeader) ok.getHeader(ToHeader.NAME)).getTag());
        watcher.withHeader(again, "Event", SipTestUser.header(original, "Event"));
        again.setHeader(watcher.endpoint().headerFactory().createExpiresHeader(expires));
        return again;
    }

    private Request publish(SipTestUser user, String note, String ifMatch, int expires) throws Exception {
        Request publish = user.request(Request.PUBLISH, user.aor(user.user), user.aor(user.user));
        user.withHeader(publish, "Event", "presence");
        publish.setHeader(user.endpoint().headerFactory().createExpiresHeader(expires));
        if (ifMatch != null) {
            user.withHeader(publish, "SIP-If-Match", ifMatch);
        }
        if (note != null) {
            PidfDocument document = new PidfDocument("sip:" + user.user + "@" + SERVER.domain(),
                    List.of(new PidfTuple("phone", BasicStatus.OPEN, null, null, List.of(PidfNote.of(note)), null)),
                    List.of(), List.of(), List.of());
            user.withBody(publish, "application", "pidf+xml",
                    new String(new PidfWriter().write(document), StandardCharsets.UTF_8));
        }
        return publish;
    }

    private Request nextNotify(SipTestUser watcher) throws InterruptedException {
        Request notify = watcher.next(Request.NOTIFY, WAIT);
        assertThat(notify).as("a NOTIFY for " + watcher.user).isNotNull();
        return notify;
    }

    private PidfDocument body(Request notify) throws Exception {
        return pidf.parse(notify.getRawContent());
    }

    private static String noteOf(PidfDocument document) {
        return document.tuples().stream().flatMap(t -> t.notes().stream()).map(PidfNote::text).findFirst().orElse(null);
    }

    @Test
    void anAuthorisedWatcherGetsTheStateAndEveryPublishedChange() throws Exception {
        SipTestUser alice = user("alice");
        SipTestUser bob = user("bob");
        approve(alice, bob);

        Response ok = bob.send(subscribe(bob, alice.user, "presence", 600));
        assertThat(ok.getStatusCode()).isEqualTo(Response.OK);
        assertThat(SipTestUser.header(ok, "Expires")).isEqualTo("600");
        Request initial = nextNotify(bob);
        assertThat(SipTestUser.header(initial, "Subscription-State")).startsWith("active");
        assertThat(SipTestUser.header(initial, "Content-Type")).isEqualTo("application/pidf+xml");
        assertThat(body(initial).tuples()).singleElement().extracting(PidfTuple::basic).isEqualTo(BasicStatus.CLOSED);

        Response published = alice.send(publish(alice, "in the office", null, 600));
        assertThat(published.getStatusCode()).isEqualTo(Response.OK);
        assertThat(SipTestUser.header(published, "SIP-ETag")).isNotBlank();

        Request change = nextNotify(bob);
        assertThat(body(change).tuples()).singleElement().satisfies(t -> assertThat(t.basic()).isEqualTo(BasicStatus.OPEN));
        assertThat(noteOf(body(change))).isEqualTo("in the office");
        assertThat(((CSeqHeader) change.getHeader(CSeqHeader.NAME)).getSeqNumber())
                .isGreaterThan(((CSeqHeader) initial.getHeader(CSeqHeader.NAME)).getSeqNumber());
    }

    @Test
    void aPendingWatcherIsToldNothingUntilTheRosterApprovesThem() throws Exception {
        SipTestUser alice = user("alice");
        SipTestUser eve = user("eve");

        Response ok = eve.send(subscribe(eve, alice.user, "presence", 600));
        assertThat(ok.getStatusCode()).isEqualTo(Response.OK);
        Request pending = nextNotify(eve);
        assertThat(SipTestUser.header(pending, "Subscription-State")).startsWith("pending");
        assertThat(pending.getRawContent()).isNullOrEmpty();

        assertThat(alice.send(publish(alice, "secret meeting", null, 600)).getStatusCode()).isEqualTo(Response.OK);
        assertThat(eve.next(Request.NOTIFY, Duration.ofSeconds(1))).isNull();

        approve(alice, eve);
        SERVER.server().sipPresenceAgent().authorizationChanged(alice.user);
        Request active = nextNotify(eve);
        assertThat(SipTestUser.header(active, "Subscription-State")).startsWith("active");
        assertThat(noteOf(body(active))).isEqualTo("secret meeting");
    }

    @Test
    void thePresentitySeesWhoWatchesThemAndNobodyElseDoes() throws Exception {
        SipTestUser alice = user("alice");
        SipTestUser bob = user("bob");
        SipTestUser eve = user("eve");
        approve(alice, bob);
        WatcherInfoParser winfo = new WatcherInfoParser();

        assertThat(eve.send(subscribe(eve, alice.user, "presence.winfo", 600)).getStatusCode())
                .isEqualTo(Response.FORBIDDEN);
        assertThat(alice.send(subscribe(alice, alice.user, "presence.winfo", 600)).getStatusCode())
                .isEqualTo(Response.OK);
        Request empty = nextNotify(alice);
        assertThat(SipTestUser.header(empty, "Content-Type")).isEqualTo("application/watcherinfo+xml");
        WatcherInfo first = winfo.parse(empty.getRawContent());
        assertThat(first.version()).isZero();
        assertThat(first.lists()).singleElement().satisfies(l -> {
            assertThat(l.resource()).isEqualTo("sip:" + alice.user + "@localhost");
            assertThat(l.eventPackage()).isEqualTo("presence");
            assertThat(l.watchers()).isEmpty();
        });

        bob.send(subscribe(bob, alice.user, "presence", 600));
        WatcherInfo withBob = winfo.parse(nextNotify(alice).getRawContent());
        assertThat(withBob.version()).isEqualTo(1);
        assertThat(withBob.lists().get(0).watchers()).singleElement().satisfies(w -> {
            assertThat(w.uri()).isEqualTo("sip:" + bob.user + "@localhost");
            assertThat(w.status()).isEqualTo(WatcherStatus.ACTIVE);
        });

        eve.send(subscribe(eve, alice.user, "presence", 600));
        WatcherInfo withEve = winfo.parse(nextNotify(alice).getRawContent());
        assertThat(withEve.lists().get(0).watchers()).extracting(Watcher::uri, Watcher::status, Watcher::event)
                .contains(org.assertj.core.groups.Tuple.tuple("sip:" + eve.user + "@localhost", WatcherStatus.PENDING,
                        WatcherEvent.SUBSCRIBE));
    }

    @Test
    void publicationsAreRefreshedModifiedAndRemovedByEntityTag() throws Exception {
        SipTestUser alice = user("alice");
        SipTestUser mallory = user("mallory");

        Response first = alice.send(publish(alice, "here", null, 600));
        String etag = SipTestUser.header(first, "SIP-ETag");
        Response refreshed = alice.send(publish(alice, null, etag, 600));
        assertThat(refreshed.getStatusCode()).isEqualTo(Response.OK);
        String etag2 = SipTestUser.header(refreshed, "SIP-ETag");
        assertThat(etag2).isNotEqualTo(etag);

        assertThat(alice.send(publish(alice, null, etag, 600)).getStatusCode())
                .as("a replaced entity tag").isEqualTo(Response.CONDITIONAL_REQUEST_FAILED);
        Response modified = alice.send(publish(alice, "elsewhere", etag2, 600));
        assertThat(modified.getStatusCode()).isEqualTo(Response.OK);
        String etag3 = SipTestUser.header(modified, "SIP-ETag");
        Response removed = alice.send(publish(alice, null, etag3, 0));
        assertThat(removed.getStatusCode()).isEqualTo(Response.OK);
        assertThat(SipTestUser.header(removed, "Expires")).isEqualTo("0");
        assertThat(alice.send(publish(alice, null, etag3, 600)).getStatusCode())
                .isEqualTo(Response.CONDITIONAL_REQUEST_FAILED);

        Request forOthers = publish(mallory, "alice is out", null, 600);
        forOthers.setRequestURI(mallory.aor(alice.user));
        assertThat(mallory.send(forOthers).getStatusCode()).isEqualTo(Response.FORBIDDEN);
        assertThat(alice.send(alice.withHeader(publish(alice, "x", null, 600), "Event", "dialog")).getStatusCode())
                .isEqualTo(Response.BAD_EVENT);
        Request wrongType = publish(alice, null, null, 600);
        alice.withBody(wrongType, "text", "plain", "available");
        assertThat(alice.send(wrongType).getStatusCode()).isEqualTo(Response.UNSUPPORTED_MEDIA_TYPE);
        assertThat(alice.send(publish(alice, "short", null, 1)).getStatusCode())
                .isEqualTo(Response.INTERVAL_TOO_BRIEF);
    }

    @Test
    void aFetchGetsTheStateOnceAndAnUnsubscribeOrExpiryEndsTheSubscription() throws Exception {
        SipTestUser alice = user("alice");
        SipTestUser bob = user("bob");
        approve(alice, bob);
        alice.send(publish(alice, "fetched", null, 600));

        Response fetched = bob.send(subscribe(bob, alice.user, "presence", 0));
        assertThat(fetched.getStatusCode()).isEqualTo(Response.OK);
        Request once = nextNotify(bob);
        assertThat(SipTestUser.header(once, "Subscription-State")).startsWith("terminated");
        assertThat(noteOf(body(once))).isEqualTo("fetched");

        Request subscribe = subscribe(bob, alice.user, "presence", 600);
        Response ok = bob.send(subscribe);
        nextNotify(bob);
        Response gone = bob.send(refresh(bob, subscribe, ok, 0));
        assertThat(gone.getStatusCode()).isEqualTo(Response.OK);
        assertThat(SipTestUser.header(nextNotify(bob), "Subscription-State")).startsWith("terminated");

        bob.send(subscribe(bob, alice.user, "presence", BundledServerFixture.SIP_MIN_EXPIRES));
        assertThat(SipTestUser.header(nextNotify(bob), "Subscription-State")).startsWith("active");
        assertThat(SipTestUser.header(nextNotify(bob), "Subscription-State")).isEqualTo("terminated;reason=timeout");
    }

    @Test
    void rapidChangesAreThrottledAndTheLastStateWins() throws Exception {
        SipTestUser alice = user("alice");
        SipTestUser bob = user("bob");
        approve(alice, bob);
        bob.send(subscribe(bob, alice.user, "presence", 600));
        nextNotify(bob);

        String etag = SipTestUser.header(alice.send(publish(alice, "state 0", null, 600)), "SIP-ETag");
        for (int i = 1; i <= 5; i++) {
            etag = SipTestUser.header(alice.send(publish(alice, "state " + i, etag, 600)), "SIP-ETag");
        }

        List<String> notes = new ArrayList<>();
        Request notify;
        while ((notify = bob.next(Request.NOTIFY, Duration.ofMillis(BundledServerFixture.SIP_NOTIFY_INTERVAL_MILLIS * 4L)))
                != null) {
            notes.add(noteOf(body(notify)));
        }
        assertThat(notes).isNotEmpty().hasSizeLessThan(6);
        assertThat(notes.get(notes.size() - 1)).isEqualTo("state 5");
    }

    @Test
    void aWatcherOverTcpIsNotifiedOverTcp() throws Exception {
        SipTestUser alice = user("alice", true);
        SipTestUser bob = user("bob", true);
        approve(alice, bob);

        assertThat(bob.send(subscribe(bob, alice.user, "presence", 600)).getStatusCode()).isEqualTo(Response.OK);
        Request initial = nextNotify(bob);
        assertThat(SipTestUser.header(initial, "Via")).startsWith("SIP/2.0/TCP");

        assertThat(alice.send(publish(alice, "over tcp", null, 600)).getStatusCode()).isEqualTo(Response.OK);
        assertThat(noteOf(body(nextNotify(bob)))).isEqualTo("over tcp");
    }
}
