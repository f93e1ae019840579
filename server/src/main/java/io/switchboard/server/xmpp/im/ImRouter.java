package io.switchboard.server.xmpp.im;

import io.switchboard.core.model.DirectoryLocation;
import io.switchboard.core.event.SerialExecutor;
import io.switchboard.server.store.OfflineMessageStore;
import io.switchboard.server.store.RosterStore;
import io.switchboard.core.model.Address;
import io.switchboard.server.store.StoreException;
import io.switchboard.server.store.UserStore;
import io.switchboard.server.xmpp.im.disco.ServiceDiscovery;
import io.switchboard.server.xmpp.im.message.MessageRouter;
import io.switchboard.server.xmpp.im.message.OfflineMessages;
import io.switchboard.server.xmpp.im.message.SessionLocks;
import io.switchboard.server.xmpp.im.presence.PresenceDelivery;
import io.switchboard.server.xmpp.im.presence.PresenceEngine;
import io.switchboard.server.xmpp.im.presence.PresenceManager;
import io.switchboard.server.xmpp.im.presence.SubscriptionManager;
import io.switchboard.server.xmpp.im.roster.RosterManager;
import io.switchboard.server.xmpp.im.roster.RosterPusher;
import io.switchboard.server.xmpp.session.C2sSession;
import io.switchboard.server.xmpp.session.StanzaRouter;
import io.switchboard.server.xmpp.session.StreamErrorCondition;
import io.switchboard.server.xmpp.xml.XmlElement;

import java.util.function.Supplier;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IM layer (RFC 6121): roster, presence and subscriptions, message routing with offline
 * storage, disco and ping, for the users of one domain. The facade the stream layer talks to.
 *
 * <h2>Threading</h2>
 * The {@link StanzaRouter} methods are called on Netty event loops and never block: each
 * bound session gets a {@link SerialExecutor} over the shared {@code workers}, and every
 * stanza of that session, and finally its teardown, runs there in arrival order. The work may
 * block on the stores (JDBC). Sessions of different users run in parallel; state two users
 * share (their rosters during a subscription, "is anyone online?" before storing a message
 * offline) is guarded by per-user {@link UserLocks}. Deliveries to other sessions go through
 * the thread-safe {@link C2sSession#send}. A connection that binds a resource already bound
 * takes over the old session's serial executor, so the old one's unavailable presence is sent
 * before anything from the new one.
 */
public final class ImRouter implements StanzaRouter {

    private static final Logger LOG = LoggerFactory.getLogger(ImRouter.class);
    private static final Duration SESSION_LOCK_TIMEOUT = Duration.ofMinutes(10);
    private static final int LOCK_STRIPES = 256;

    private final Executor workers;
    private final SessionRegistry registry = new SessionRegistry();
    private final PresenceEngine engine;
    private final PresenceManager presence;
    private final MessageRouter messages;
    private final OfflineMessages offline;
    private final IqDispatcher iqs;
    private final io.switchboard.server.presence.WatcherRequests watcherRequests;
    private final io.switchboard.server.presence.WatcherDecisions watcherDecisions;

    /**
     * @param domain  the one domain this server hosts
     * @param workers the pool that runs blocking IM work (sessions' serial executors sit on it)
     * @param clock   for delay stamps and session-lock expiry
     */
    public ImRouter(String domain, UserStore users, RosterStore rosters, OfflineMessageStore offlineStore,
                    Executor workers, Clock clock) {
        this(domain, users, rosters, offlineStore, workers, clock, Optional::empty);
    }

    /** @param directory where the people directory is, advertised in the server's disco#info (XEP-0128) */
    public ImRouter(String domain, UserStore users, RosterStore rosters, OfflineMessageStore offlineStore,
                    Executor workers, Clock clock, Supplier<Optional<DirectoryLocation>> directory) {
        this.workers = workers;
        Addressing addressing = new Addressing(domain);
        UserLocks locks = new UserLocks(LOCK_STRIPES);
        StoredStanzaReader reader = new StoredStanzaReader();
        RosterPusher pusher = new RosterPusher(registry);
        PresenceDelivery delivery = new PresenceDelivery(registry);
        SessionLocks sessionLocks = new SessionLocks(clock, SESSION_LOCK_TIMEOUT);
        OfflineMessages offline = new OfflineMessages(offlineStore, addressing, reader, clock);
        this.offline = offline;
        SubscriptionManager subscriptions = new SubscriptionManager(addressing, users, rosters, pusher, delivery, locks);
        this.watcherRequests = subscriptions::foreignRequest;
        this.watcherDecisions = new io.switchboard.server.presence.WatcherDecisions() {
            @Override
            public void allow(Address owner, Address watcher) throws StoreException {
                subscriptions.answer(owner, watcher, true);
            }

            @Override
            public void deny(Address owner, Address watcher) throws StoreException {
                subscriptions.answer(owner, watcher, false);
            }
        };
        this.engine = new PresenceEngine(workers);
        this.presence = new PresenceManager(addressing, registry, rosters, subscriptions, delivery, engine, offline,
                sessionLocks, locks, reader, clock);
        // devices of other protocols (SIP) appear to XMPP contacts as resources of their user
        engine.addListener(new io.switchboard.server.xmpp.im.presence.ForeignDeviceRelay(presence));
        this.messages = new MessageRouter(addressing, registry, users, offline, sessionLocks, locks);
        this.iqs = new IqDispatcher(addressing, registry, users, rosters,
                new RosterManager(rosters, pusher, subscriptions, locks), new ServiceDiscovery(directory));
    }

    /** Every user's composed presence, for other presence consumers (SIP watchers). */
    public PresenceEngine presenceEngine() {
        return engine;
    }

    /** Files watch requests of other protocols (SIP) as XMPP subscription requests (ADR 0014 step 5). */
    public io.switchboard.server.presence.WatcherRequests watcherRequests() {
        return watcherRequests;
    }

    /** Answers to watchers given outside XMPP (XCAP pres-rules, ADR 0019), processed as XMPP answers. */
    public io.switchboard.server.presence.WatcherDecisions watcherDecisions() {
        return watcherDecisions;
    }

    /** Message routing, for the IM gateway to other protocols (ADR 0016). */
    public MessageRouter messageRouter() {
        return messages;
    }

    /** The offline store XMPP uses, shared with the IM gateway (ADR 0016). */
    public OfflineMessages offlineMessages() {
        return offline;
    }

    @Override
    public void sessionBound(C2sSession connection) {
        SessionRegistry.Binding binding = registry.bind(connection, () -> new SerialExecutor(workers));
        LOG.debug("Bound {}", binding.session());
        binding.replaced().ifPresent(old -> {
            if (old.end()) {
                LOG.info("{} replaced by a new connection for the same resource", old);
                old.connection().close(StreamErrorCondition.CONFLICT, "Replaced by new connection");
                old.serial().execute(() -> teardown(old));
            }
        });
    }

    @Override
    public void stanzaReceived(C2sSession connection, XmlElement stanza) {
        Optional<ResourceSession> session = registry.of(connection);
        if (session.isEmpty() || session.get().isEnded()) {
            LOG.debug("Dropping a {} from {}, which is no longer bound", stanza.name(), connection.id());
            return;
        }
        ResourceSession s = session.get();
        s.serial().execute(() -> process(s, stanza));
    }

    @Override
    public void sessionClosed(C2sSession connection) {
        registry.of(connection).ifPresent(s -> {
            if (s.end()) {
                s.serial().execute(() -> teardown(s));
            }
        });
    }

    private void process(ResourceSession session, XmlElement received) {
        // No "has it ended?" check here: a stanza queued before the connection closed was sent
        // while the session was bound and must be handled (a message sent just before signing
        // out must not be lost); teardown is queued behind it on the same serial executor.
        // the stream layer stamps 'from'; stamping again keeps this layer safe on its own
        XmlElement stanza = received.withAttribute("from", session.jid().toString());
        try {
            switch (stanza.name()) {
                case "message" -> messages.handle(session, stanza);
                case "presence" -> presence.handle(session, stanza);
                case "iq" -> iqs.handle(session, stanza);
                default -> LOG.warn("Ignoring unknown stanza <{}> from {}", stanza.name(), session);
            }
        } catch (StanzaException e) {
            LOG.debug("{} from {} refused: {} ({})", stanza.name(), session, e.error().element(), e.getMessage());
            bounce(session, stanza, e.error());
        } catch (StoreException e) {
            LOG.error("Storage failed while handling a {} from {}", stanza.name(), session, e);
            bounce(session, stanza, StanzaError.INTERNAL_SERVER_ERROR);
        }
    }

    private void bounce(ResourceSession session, XmlElement stanza, StanzaError error) {
        if (!Stanzas.mustNotBounce(stanza)) {
            session.send(Stanzas.error(stanza, error));
        }
    }

    private void teardown(ResourceSession session) {
        try {
            presence.sessionEnded(session);
        } catch (StoreException | StanzaException e) {
            LOG.error("Could not announce that {} went offline", session, e);
        } finally {
            registry.unbind(session);
            LOG.debug("Unbound {}", session);
        }
    }
}
