package io.switchboard.server.sip;

import io.switchboard.server.config.SipConfig;
import io.switchboard.server.sip.auth.SipDigestAuthenticator;
import io.switchboard.server.presence.PresenceAuthorization;
import io.switchboard.server.presence.WatcherRequests;
import io.switchboard.server.sip.message.ImGateway;
import io.switchboard.server.sip.message.MessageProcessor;
import io.switchboard.server.sip.message.SipImReader;
import io.switchboard.server.sip.message.SipOfflineDelivery;
import io.switchboard.server.sip.message.SipPager;
import io.switchboard.server.sip.message.XmppImMapping;
import io.switchboard.server.sip.dialog.DialogNotifications;
import io.switchboard.server.sip.mwi.Mailboxes;
import io.switchboard.server.sip.mwi.MessageSummaryNotifications;
import io.switchboard.server.sip.presence.ComposedPresenceView;
import io.switchboard.server.sip.presence.EventPackage;
import io.switchboard.server.sip.presence.Notifier;
import io.switchboard.server.sip.presence.NotifyThrottle;
import io.switchboard.server.sip.presence.PresenceAgent;
import io.switchboard.server.sip.presence.PublicationStore;
import io.switchboard.server.sip.presence.PresenceView;
import io.switchboard.server.sip.presence.PublishProcessor;
import io.switchboard.server.sip.presence.SipPresenceSource;
import io.switchboard.server.sip.presence.SipRegistrationSource;
import io.switchboard.server.sip.presence.SubscribeProcessor;
import io.switchboard.server.sip.presence.SubscriptionRegistry;
import io.switchboard.server.sip.proxy.CancelProcessor;
import io.switchboard.server.sip.proxy.Forker;
import io.switchboard.server.sip.calls.CallTracker;
import io.switchboard.server.sip.proxy.InDialogRouter;
import io.switchboard.server.sip.proxy.OurRoute;
import io.switchboard.server.sip.proxy.ProxyProcessor;
import io.switchboard.server.sip.proxy.TrustedSources;
import io.switchboard.server.cti.CtiGateway;
import io.switchboard.server.store.DeskLineStore;
import io.switchboard.sip.stack.SipStackException;
import io.switchboard.server.sip.registrar.LocationService;
import io.switchboard.server.sip.registrar.RegisterProcessor;
import io.switchboard.server.sip.transport.PendingRequests;
import io.switchboard.server.sip.transport.RequestProcessor;
import io.switchboard.server.sip.transport.SipMessaging;
import io.switchboard.server.store.ObservableRosterStore;
import io.switchboard.server.store.UserStore;
import io.switchboard.sip.auth.DigestAlgorithm;
import io.switchboard.sip.auth.DigestNonces;
import io.switchboard.sip.auth.DigestVerifier;
import io.switchboard.server.xmpp.im.message.MessageRouter;
import io.switchboard.server.xmpp.im.message.OfflineMessages;
import io.switchboard.server.xmpp.im.presence.PresenceEngine;
import io.switchboard.sip.presence.pidf.PidfAvailabilityMapping;
import io.switchboard.sip.presence.pidf.PidfParser;
import io.switchboard.sip.stack.SipStackFactory;

import java.time.Clock;
import javax.net.ssl.SSLContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Request;

/**
 * Composes the SIP side from the configuration and the stores: the digest authenticator, the
 * location service, one processor per method, and the {@link SipServer} that listens for them.
 */
public final class SipServices {

    /** A nonce older than this is answered with stale=true: the client re-authenticates silently. */
    private static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);
    private static final long EXPIRY_SWEEP_SECONDS = 1;
    /**
     * How long the IM gateway waits for a SIP contact's 2xx before it stores the message: well
     * inside the SIP sender's own 32 s transaction timeout, so the sender still hears 202.
     */
    private static final Duration GATEWAY_DEADLINE = Duration.ofSeconds(10);
    /**
     * Dialog subscriptions one user may hold: a receptionist's BLF panel of a few hundred lines,
     * not the whole company (each costs a NOTIFY per call step of the line watched).
     */
    static final int MAX_DIALOG_SUBSCRIPTIONS_PER_WATCHER = 500;
    /** Offline messages follow the REGISTER's 200 a moment later, not before it. */
    private static final long OFFLINE_DELIVERY_DELAY_MILLIS = 200;

    private final SipServer server;
    private final LocationService locations;
    private final PresenceAgent presenceAgent;
    private final DigestVerifier verifier;
    private final CtiGateway cti;
    private final SipConfig config;

    private SipServices(SipServer server, LocationService locations, PresenceAgent presenceAgent,
                        DigestVerifier verifier, CtiGateway cti, SipConfig config) {
        this.server = server;
        this.cti = cti;
        this.config = config;
        this.locations = locations;
        this.presenceAgent = presenceAgent;
        this.verifier = verifier;
    }

    /**
     * @param engine          the server's one presence per user: SIP PUBLISH and REGISTER feed it,
     *                        SIP watchers are told what it composes from every protocol (ADR 0014)
     * @param watcherRequests files a pending SIP watcher as an XMPP subscription request (ADR 0017)
     * @param xmppMessages    XMPP message routing: the IM gateway delivers SIP MESSAGEs there and is
     *                        connected to it for XMPP messages to SIP-only users (ADR 0016)
     * @param offline         the offline store XMPP uses, also for SIP recipients
     * @param mailboxes       the voice mailboxes whose counts message-summary subscribers see (RFC 3842)
     * @param deskLines       which desk lines each user controls through the CTI gateway
     * @param tlsContext      the server's certificate for SIP over TLS (used when the config has TLS on)
     */
    public static SipServices create(SipConfig config, String domain, UserStore users, ObservableRosterStore rosters,
                                     PresenceEngine engine, WatcherRequests watcherRequests,
                                     MessageRouter xmppMessages, OfflineMessages offline, Mailboxes mailboxes,
                                     DeskLineStore deskLines, Clock clock, SSLContext tlsContext) {
        SipMessaging messaging = new SipMessaging(domain, config.transports(),
                new PendingRequests(config.maxPendingRequests()));
        ExecutorService workers = SipServer.newWorkerPool();
        ScheduledExecutorService timers = SipServer.newTimer();
        SipUsers sipUsers = new SipUsers(domain, config.host());
        ExpiryBounds bounds = new ExpiryBounds(config.minExpiresSeconds(), config.maxExpiresSeconds(), 3600);
        // MD5 always and first: MD5-only user agents that answer the first challenge whatever its
        // algorithm (SIPp 3.6) fail on a SHA-256 one, and some fail on any SHA-256 challenge at all
        // (baresip 1.0), hence SHA-256 only when configured (SipConfig#digestSha256). User agents
        // that know SHA-256, ours included, pick it from among the offers.
        DigestVerifier verifier = new DigestVerifier(domain, DigestNonces.withRandomSecret(clock, NONCE_LIFETIME),
                config.digestSha256() ? List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256)
                        : List.of(DigestAlgorithm.MD5));
        SipDigestAuthenticator authenticator = new SipDigestAuthenticator(verifier, users, sipUsers);

        LocationService locations = new LocationService(clock);
        // REGISTER → the engine as a capability-only device: reachable for calls, never the status
        new SipRegistrationSource(locations, engine, domain, clock).attach();
        timers.scheduleWithFixedDelay(locations::purgeExpired, EXPIRY_SWEEP_SECONDS, EXPIRY_SWEEP_SECONDS,
                TimeUnit.SECONDS);

        // INVITEs, their answers and BYEs → "On the phone" for both parties and for the owners of
        // desk lines among them (the proxy Record-Routes), and the dialogs BLF watchers see
        CallTracker calls = new CallTracker(engine, domain, line -> ownerOf(deskLines, line), clock);
        timers.scheduleWithFixedDelay(calls::forgetStale, EXPIRY_SWEEP_SECONDS, EXPIRY_SWEEP_SECONDS, TimeUnit.SECONDS);

        PublicationStore publications = new PublicationStore(clock);
        SubscriptionRegistry subscriptions = new SubscriptionRegistry(SubscriptionRegistry.DEFAULT_MAX_PER_WATCHER,
                Map.of(EventPackage.DIALOG, MAX_DIALOG_SUBSCRIPTIONS_PER_WATCHER));
        PidfAvailabilityMapping mapping = new PidfAvailabilityMapping();
        // one PIDF per state, not per watcher: the 1,000-watcher fan-out shares it
        PresenceView view = new ComposedPresenceView(engine, mapping, domain, clock);
        // message-summary rides on the presence agent's subscriptions; only its bodies are the mailboxes'
        // so does dialog (BLF, ADR 0026); its bodies are the tracked calls'
        Notifier notifier = new Notifier(messaging, view, subscriptions,
                Map.of(EventPackage.MESSAGE_SUMMARY, new MessageSummaryNotifications(mailboxes),
                        EventPackage.DIALOG, new DialogNotifications(calls, domain, clock)), clock);
        PresenceAgent agent = new PresenceAgent(subscriptions, notifier,
                new NotifyThrottle(Duration.ofMillis(config.notifyIntervalMillis()), clock, timers, workers),
                new PresenceAuthorization(rosters), watcherRequests, domain, clock);
        // PUBLISH → the engine (next to XMPP resources) → every SIP watcher, on the SIP workers
        publications.addListener(new SipPresenceSource(publications, engine, domain, clock)::publicationsChanged);
        // a roster change (e.g. an approval in an XMPP client) may allow pending SIP watchers
        rosters.addListener(owner -> hand(workers, () -> agent.authorizationChanged(owner)));
        mailboxes.addListener(user -> hand(workers, () -> agent.resourceChanged(user, EventPackage.MESSAGE_SUMMARY)));
        // every step of a call (trying, ringing, answered, ended) is a NOTIFY: a lamp must not skip one
        calls.addListener(user -> hand(workers, () -> agent.resourceChanged(user, EventPackage.DIALOG)));
        engine.addListener((user, presence) -> {
            if (user.domain().equalsIgnoreCase(domain)) {
                hand(workers, () -> agent.presentityChanged(user.local()));
            }
        });
        timers.scheduleWithFixedDelay(() -> hand(workers, publications::purgeExpired), EXPIRY_SWEEP_SECONDS,
                EXPIRY_SWEEP_SECONDS, TimeUnit.SECONDS);
        timers.scheduleWithFixedDelay(() -> hand(workers, agent::expireSubscriptions), EXPIRY_SWEEP_SECONDS,
                EXPIRY_SWEEP_SECONDS, TimeUnit.SECONDS);

        OurRoute ourRoute = new OurRoute(messaging);
        Forker forker = new Forker(messaging, ourRoute, calls);
        TrustedSources trusted = new TrustedSources();
        ProxyProcessor proxy = new ProxyProcessor(sipUsers, users, authenticator, locations, forker, trusted);
        // uaCSTA sessions with sip:cti@domain come first; everything else is proxied as before
        CtiGateway cti = CtiGateway.create(messaging, sipUsers, proxy, trusted, deskLines, locations, domain);
        RequestProcessor inDialog = cti.inDialog(new InDialogRouter(messaging, ourRoute, calls, cti.invites(proxy)));
        Map<String, RequestProcessor> processors = new HashMap<>();
        processors.put(Request.REGISTER, new RegisterProcessor(sipUsers, authenticator, locations, bounds, clock));
        processors.put(Request.OPTIONS, new OptionsProcessor(proxy));
        processors.put(Request.ACK, inDialog);
        processors.put(Request.CANCEL, new CancelProcessor(forker));
        SipPager pager = new SipPager(messaging, timers, GATEWAY_DEADLINE);
        XmppImMapping imMapping = new XmppImMapping();
        ImGateway gateway = new ImGateway(domain, locations, xmppMessages, pager, imMapping, workers, clock);
        xmppMessages.connect(gateway);
        SipOfflineDelivery offlineDelivery = new SipOfflineDelivery(domain, offline, locations, pager, imMapping,
                workers);
        locations.addListener((user, bindings) -> {
            if (!bindings.isEmpty()) {
                try {
                    timers.schedule(() -> hand(workers, () -> offlineDelivery.registered(user)),
                            OFFLINE_DELIVERY_DELAY_MILLIS, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException stopping) {
                    // the server is stopping
                }
            }
        });
        processors.put(Request.MESSAGE, new MessageProcessor(proxy, sipUsers, locations, forker, new SipImReader(),
                gateway));
        processors.put(Request.PUBLISH, new PublishProcessor(sipUsers, authenticator, publications, bounds,
                new PidfParser(config.maxMessageBytes())));
        processors.put(Request.SUBSCRIBE, new SubscribeProcessor(sipUsers, users, authenticator, subscriptions,
                notifier, agent, bounds, domain, clock));

        SipServer server = new SipServer(config, messaging, new SipStackFactory(), clock, workers, timers,
                processors, inDialog, tlsContext);
        return new SipServices(server, locations, agent, verifier, cti, config);
    }

    /** The owner of a desk line; a store failure only leaves the owner out of the line's calls. */
    private static java.util.Optional<String> ownerOf(DeskLineStore deskLines, String line) {
        try {
            return deskLines.owner(line);
        } catch (io.switchboard.server.store.StoreException e) {
            org.slf4j.LoggerFactory.getLogger(SipServices.class).warn("cannot look up the owner of line {}: {}", line,
                    e.getMessage());
            return java.util.Optional.empty();
        }
    }

    /** Expiry sweeps send NOTIFYs: they run on the workers, the timer thread only hands them over. */
    private static void hand(ExecutorService workers, Runnable work) {
        try {
            workers.execute(work);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // the server is stopping
        }
    }

    /** Starts the SIP listener, then the CTI gateway's user agent that calls through it. */
    public void start() throws SipStackException {
        server.start();
        try {
            cti.start(config.host(), server.port());
        } catch (SipStackException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Stops the CTI gateway (its calls cleared), then the listener. */
    public void close() {
        cti.close();
        server.close();
    }

    /** The CTI gateway, e.g. for its session and monitor counts. */
    public CtiGateway cti() {
        return cti;
    }

    public SipServer server() {
        return server;
    }

    public LocationService locations() {
        return locations;
    }

    /** Digest challenges and checks in the SIP realm, for XCAP's HTTP Digest (ADR 0019): one password. */
    public DigestVerifier digestVerifier() {
        return verifier;
    }

    /** The presence agent, e.g. to re-check pending watchers after a roster change on the XMPP side. */
    public PresenceAgent presenceAgent() {
        return presenceAgent;
    }
}
