package io.switchboard.sip.client;

import io.switchboard.core.event.SerialExecutor;
import io.switchboard.sip.call.CallManager;
import io.switchboard.sip.keepalive.OptionsKeepalive;
import io.switchboard.sip.keepalive.OptionsProcessor;
import io.switchboard.sip.message.PagerMessaging;
import io.switchboard.sip.dialog.DialogInfo;
import io.switchboard.sip.dialog.DialogInfoParser;
import io.switchboard.sip.dialog.LineStateWatcher;
import io.switchboard.sip.mwi.MessageSummaryParser;
import io.switchboard.sip.mwi.VoicemailIndicator;
import io.switchboard.sip.register.RegistrationState;
import io.switchboard.sip.presence.pidf.PidfAvailabilityMapping;
import io.switchboard.sip.presence.pidf.PidfParser;
import io.switchboard.sip.presence.pidf.PidfWriter;
import io.switchboard.sip.presence.watch.PresenceWatcher;
import io.switchboard.sip.presence.watchers.WatcherInfoSubscriber;
import io.switchboard.sip.presence.winfo.WatcherInfoParser;
import io.switchboard.sip.ua.transaction.EventPackageRouter;
import javax.sip.message.Request;
import io.switchboard.sip.presence.publish.PresencePublisher;
import io.switchboard.sip.register.RegistrationManager;
import java.time.Clock;
import io.switchboard.sip.auth.DigestResponder;
import io.switchboard.sip.stack.SipEndpoint;
import io.switchboard.sip.stack.SipStackException;
import io.switchboard.sip.stack.SipStackFactory;
import io.switchboard.sip.stack.SipStackSettings;
import io.switchboard.sip.stack.SipTlsSettings;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.tls.HandshakeTracker;
import io.switchboard.sip.tls.ServerCertificateCheck;
import io.switchboard.sip.ua.transaction.TlsTransportFailures;
import io.switchboard.sip.ua.transaction.TransportFailures;
import io.switchboard.sip.ua.ProxyRoute;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.sip.ua.SipContext;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.sip.ua.SipUserAgentSettings;
import io.switchboard.sip.ua.transaction.ClientTransactions;
import io.switchboard.sip.ua.transaction.DigestAuthenticator;
import io.switchboard.sip.ua.transaction.RequestSender;
import io.switchboard.sip.ua.transaction.SipDispatcher;
import java.util.EnumSet;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SIP user agent for one {@link SipAccount}: one JAIN-SIP stack (UDP and TCP on one port, TLS on
 * another when a proxy of the account is reached over TLS), one
 * {@link SipDispatcher}, and the managers for each feature. The composition root of the client side
 * of SIP/SIMPLE; built by {@link #start}, stopped by {@link #close()}.
 *
 * <pre>{@code
 * SipAccount account = SipAccount.of(Address.of("alice", "example.com"), "secret",
 *         new SipProxy("127.0.0.1", 5060, SipTransport.UDP))
 *     .withBackup(new SipProxy("127.0.0.1", 5070, SipTransport.UDP));
 * try (SipUserAgent ua = SipUserAgent.start(new SipStackFactory(), account, SipUserAgentSettings.defaults())) {
 *     ua.registration().addListener(status -> ...);
 *     ua.registration().register().get();                       // REGISTER with digest
 *     ua.presence().publish(presence).get();                    // PUBLISH PIDF
 *     ua.watcher().addListener(...); ua.watcher().subscribe(bob).get();   // SUBSCRIBE/NOTIFY
 *     ua.watchers().addListener(...); ua.watchers().subscribe();          // who watches me (winfo)
 *     ua.voicemail().addListener(...); ua.voicemail().subscribe();        // message waiting (RFC 3842)
 *     ua.lineStates().addListener(...); ua.lineStates().watch(line);      // busy lamp field (RFC 4235)
 *     ua.messaging().send(bob, "hi").get();                     // MESSAGE, DeliveryReport
 *     SipCall call = ua.calls().place(bob, sdpOffer, listener); // INVITE; call.hangUp() sends BYE
 *     ua.registration().unregister().get();
 * }
 * }</pre>
 * Futures fail with {@code SipRejectedException} (the peer's status), {@code SipTimeoutException}
 * or {@code SipTransportException}.
 *
 * <p>All protocol state runs on one thread per user agent ({@link SipContext#executor()}); listeners
 * are called on the events executor given at start (one serial event thread by default), never on a
 * JAIN-SIP thread.
 */
public final class SipUserAgent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SipUserAgent.class);

    private final SipContext context;
    private final SipDispatcher dispatcher;
    private final ClientTransactions transactions;
    private final DigestAuthenticator authenticator;
    private final RegistrationManager registration;
    private final PresencePublisher presence;
    private final PresenceWatcher watcher;
    private final WatcherInfoSubscriber watchers;
    private final VoicemailIndicator voicemail;
    private final LineStateWatcher lineStates;
    private final PagerMessaging messaging;
    private final OptionsKeepalive keepalive;
    private final CallManager calls;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SipUserAgent(SipContext context, SipDispatcher dispatcher, ClientTransactions transactions,
                         DigestAuthenticator authenticator) {
        this.context = context;
        this.dispatcher = dispatcher;
        this.transactions = transactions;
        this.authenticator = authenticator;
        this.registration = new RegistrationManager(context);
        PidfAvailabilityMapping mapping = new PidfAvailabilityMapping();
        this.presence = new PresencePublisher(context, mapping, new PidfWriter(), Clock.systemUTC());
        this.watcher = new PresenceWatcher(context);
        this.watchers = new WatcherInfoSubscriber(context);
        this.voicemail = new VoicemailIndicator(context);
        this.lineStates = new LineStateWatcher(context);
        this.calls = new CallManager(context);
        dispatcher.register(Request.NOTIFY, new EventPackageRouter()
                .route("presence", watcher.notifyProcessor(new PidfParser(), mapping, Clock.systemUTC()))
                .route("presence.winfo", watchers.notifyProcessor(new WatcherInfoParser()))
                .route("message-summary", voicemail.notifyProcessor(new MessageSummaryParser()))
                .route(DialogInfo.EVENT, lineStates.notifyProcessor(new DialogInfoParser()))
                .route("refer", calls.referNotifyProcessor()));
        this.messaging = new PagerMessaging(context);
        dispatcher.register(Request.MESSAGE, messaging.processor(Clock.systemUTC()));
        dispatcher.register(Request.INVITE, calls.inviteProcessor());
        dispatcher.register(Request.REFER, calls.referProcessor());
        dispatcher.register(Request.CANCEL, calls.cancelProcessor());
        dispatcher.register(Request.BYE, calls.byeProcessor());
        dispatcher.register(Request.OPTIONS, new OptionsProcessor(java.util.List.of(Request.INVITE, Request.ACK,
                Request.CANCEL, Request.BYE, Request.REFER, Request.MESSAGE, Request.NOTIFY, Request.OPTIONS)));
        this.keepalive = new OptionsKeepalive(context, registration::proxyFailed);
        // failover or failback: what lives at the presence server behind the proxy we left is
        // established again through the new one (ADR 0013)
        registration.addListener(new ProxyMoves(moved -> {
            presence.proxyChanged(moved);
            watcher.proxyChanged(moved);
            watchers.proxyChanged(moved);
            voicemail.proxyChanged(moved);
            lineStates.proxyChanged(moved);
        }));
        // probe the proxy only while registered through it
        registration.addListener(status -> {
            if (status.state() == RegistrationState.REGISTERED) {
                keepalive.start();
            } else if (status.state() == RegistrationState.UNREGISTERED) {
                keepalive.stop();
            }
        });
    }

    /** Starts a user agent whose listeners are called one at a time on a serial event thread. */
    public static SipUserAgent start(SipStackFactory stacks, SipAccount account, SipUserAgentSettings settings)
            throws SipStackException {
        return start(stacks, account, settings, new SerialExecutor(ForkJoinPool.commonPool()));
    }

    /**
     * Starts the stack and the managers. Nothing is sent yet: call {@code registration().register()}.
     *
     * @param events where listeners are called; give a serial executor to keep events in order
     */
    public static SipUserAgent start(SipStackFactory stacks, SipAccount account, SipUserAgentSettings settings,
                                     Executor events) throws SipStackException {
        Objects.requireNonNull(account, "account");
        SipDispatcher dispatcher = new SipDispatcher();
        SipStackSettings stackSettings = SipStackSettings.loopback("ua-" + account.address().local())
                .withHost(settings.localHost())
                .withTransports(EnumSet.of(SipTransport.UDP, SipTransport.TCP));
        TransportFailures failures = TransportFailures.AS_IS;
        if (account.usesTls()) {
            // the TLS listening point only exists because JAIN-SIP sends on a transport only through
            // one; it has no certificate, and the server answers over the connection we open
            ServerCertificateCheck check = new ServerCertificateCheck(account.tlsTrust(), acceptableNames(account));
            HandshakeTracker handshakes = new HandshakeTracker();
            stackSettings = stackSettings.withTls(new SipTlsSettings(check.sslContext(), 0, handshakes));
            failures = new TlsTransportFailures(check, handshakes);
        }
        SipEndpoint endpoint = stacks.start(stackSettings, dispatcher);
        ScheduledExecutorService executor = protocolThread(account);
        ClientTransactions transactions = new ClientTransactions(endpoint.provider(), executor,
                settings.requestTimeout(), failures);
        DigestAuthenticator authenticator = new DigestAuthenticator(account.credentials(), new DigestResponder(),
                endpoint.headerFactory());
        dispatcher.bind(endpoint, transactions);
        ProxyRoute route = new ProxyRoute(account.primary(), account.backup());
        SipContext context = new SipContext(account, settings, endpoint, route,
                new RequestSender(transactions, authenticator), executor, events);
        SipUserAgent agent = new SipUserAgent(context, dispatcher, transactions, authenticator);
        LOG.debug("SIP user agent {} started on {}:{}", account.address(), endpoint.host(), endpoint.port());
        return agent;
    }

    /** A CA-issued proxy certificate must name the proxy we connect to or the SIP domain. */
    private static java.util.List<String> acceptableNames(SipAccount account) {
        java.util.List<String> names = new java.util.ArrayList<>();
        names.add(account.primary().host());
        account.backupProxy().ifPresent(backup -> names.add(backup.host()));
        names.add(account.address().domain());
        return names;
    }

    private static ScheduledExecutorService protocolThread(SipAccount account) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "sip-ua-" + account.address());
            thread.setDaemon(true);
            return thread;
        });
        // cancelled refresh timers must not pile up in the queue for an hour each
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    public SipAccount account() {
        return context.account();
    }

    /** The shared toolkit of the managers; for extensions living in other packages of this module. */
    public SipContext context() {
        return context;
    }

    /** The dispatcher, to register processors for further methods (INFO, INVITE...). */
    public SipDispatcher dispatcher() {
        return dispatcher;
    }

    /** REGISTER: sign-in, refresh, failover, sign-out. */
    public RegistrationManager registration() {
        return registration;
    }

    /** PUBLISH of the user's own presence. */
    public PresencePublisher presence() {
        return presence;
    }

    /** SUBSCRIBE/NOTIFY: watching contacts' presence. */
    public PresenceWatcher watcher() {
        return watcher;
    }

    /** SUBSCRIBE/NOTIFY of presence.winfo: who watches, or asks to watch, the user (RFC 3857). */
    public WatcherInfoSubscriber watchers() {
        return watchers;
    }

    /** SUBSCRIBE/NOTIFY of dialog: other lines' state for the busy lamp field (RFC 4235). */
    public LineStateWatcher lineStates() {
        return lineStates;
    }

    /** SUBSCRIBE/NOTIFY of message-summary: the voicemail indicator (RFC 3842). */
    public VoicemailIndicator voicemail() {
        return voicemail;
    }

    /** MESSAGE: pager-mode instant messages. */
    public PagerMessaging messaging() {
        return messaging;
    }

    /** Calls: INVITE dialogs placed and received (SDP is the media layer's). */
    public CallManager calls() {
        return calls;
    }

    /**
     * Whether signalling is encrypted right now (the current proxy is reached over TLS): the
     * softphone offers SRTP with SDES keys only then ({@link SipContext#signallingSecure()}).
     */
    public boolean signallingSecure() {
        return context.signallingSecure();
    }

    /** The proxy requests currently go through. */
    public SipProxy currentProxy() {
        return context.route().current();
    }

    /** Stops timers and the stack without signing out (see the registration manager for that). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        context.executor().shutdownNow();
        try {
            context.executor().awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        authenticator.clear();
        context.endpoint().close();
        LOG.debug("SIP user agent {} closed ({} requests unanswered)", context.account().address(),
                transactions.pendingCount());
    }
}
