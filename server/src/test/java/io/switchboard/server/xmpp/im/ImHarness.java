package io.switchboard.server.xmpp.im;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.SubscriptionState;
import io.switchboard.server.store.RosterItem;
import io.switchboard.server.store.StoreException;
import io.switchboard.server.xmpp.Jid;
import io.switchboard.server.xmpp.xml.XmlElement;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

import javax.xml.stream.XMLStreamException;

/**
 * An {@link ImRouter} over in-memory stores for domain {@code example.com}, with helpers to
 * connect clients and send them stanzas written as XML text. With the default direct worker
 * executor every stanza is fully processed when {@link #send} returns.
 */
public final class ImHarness {

    public static final String DOMAIN = "example.com";

    public final InMemoryUserStore users = new InMemoryUserStore();
    public final InMemoryRosterStore rosters = new InMemoryRosterStore();
    public final InMemoryOfflineMessageStore offline;
    public final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final Executor workers;
    private final StoredStanzaReader reader = new StoredStanzaReader();
    private ImRouter router;

    public ImHarness() {
        this(Runnable::run, 100);
    }

    public ImHarness(Executor workers, int offlineQuota) {
        this.workers = workers;
        this.offline = new InMemoryOfflineMessageStore(offlineQuota);
        this.router = newRouter();
    }

    public ImRouter router() {
        return router;
    }

    /** A new router over the same stores, as after a server restart. */
    public void restart() {
        router = newRouter();
    }

    private ImRouter newRouter() {
        return new ImRouter(DOMAIN, users, rosters, offline, workers, clock);
    }

    public void accounts(String... usernames) throws StoreException {
        for (String u : usernames) {
            users.create(u, "pw".toCharArray());
        }
    }

    public static Address address(String user) {
        return Address.of(user, DOMAIN);
    }

    /** Binds {@code user@example.com/resource}. */
    public RecordingSession connect(String user, String resource) {
        RecordingSession s = new RecordingSession(Jid.of(address(user), resource));
        router.sessionBound(s);
        return s;
    }

    /** Binds, asks for the roster and sends initial presence, then forgets what it received. */
    public RecordingSession online(String user, String resource) {
        RecordingSession s = connect(user, resource);
        send(s, "<iq type='get' id='roster1'><query xmlns='jabber:iq:roster'/></iq>");
        send(s, "<presence/>");
        s.drain();
        return s;
    }

    /** Sends one stanza (written without the jabber:client declaration) from the client. */
    public void send(RecordingSession session, String xml) {
        router.stanzaReceived(session, parse(xml).withAttribute("from", session.jid().toString()));
    }

    public void disconnect(RecordingSession session) {
        session.close(null, null);
        router.sessionClosed(session);
    }

    public XmlElement parse(String xml) {
        try {
            return reader.read("<wrapper xmlns='jabber:client'>" + xml + "</wrapper>").elements().get(0);
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException(xml, e);
        }
    }

    /** Puts a mutual subscription into both rosters directly. */
    public void friends(String a, String b) throws StoreException {
        rosters.put(a, new RosterItem(address(b), b, SubscriptionState.BOTH, false, false, Set.of("Friends")));
        rosters.put(b, new RosterItem(address(a), a, SubscriptionState.BOTH, false, false, Set.of("Friends")));
    }

    public Optional<RosterItem> item(String owner, String contact) throws StoreException {
        return rosters.item(owner, address(contact));
    }

    /** The stanza error condition of an error stanza, e.g. {@code service-unavailable}. */
    public static String errorCondition(XmlElement stanza) {
        XmlElement error = stanza.child("error", Namespaces.CLIENT).orElseThrow(
                () -> new AssertionError("not an error: " + stanza));
        return error.elements().stream()
                .filter(e -> e.namespace().equals(Namespaces.STANZAS))
                .findFirst().orElseThrow().name();
    }

    public static String errorType(XmlElement stanza) {
        return stanza.child("error", Namespaces.CLIENT).orElseThrow().attr("type");
    }
}
