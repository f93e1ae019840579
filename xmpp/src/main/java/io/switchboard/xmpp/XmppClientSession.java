package io.switchboard.xmpp;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.event.Listeners;
import io.switchboard.core.event.SerialExecutor;
import io.switchboard.core.model.DirectoryLocation;
import io.switchboard.core.model.Address;
import io.switchboard.core.service.ChatService;
import io.switchboard.core.service.ClientSession;
import io.switchboard.core.service.ContactListService;
import io.switchboard.core.service.PresenceService;
import io.switchboard.core.service.ServiceException;
import io.switchboard.core.service.SessionListener;
import io.switchboard.core.service.SessionState;
import io.switchboard.core.service.SignInException;
import io.switchboard.xmpp.internal.RosterPresenceThread;
import io.switchboard.xmpp.presence.AvailabilityExtension;
import io.switchboard.xmpp.presence.AvailabilityExtensionProvider;
import io.switchboard.xmpp.presence.CapabilityOnlyExtension;
import io.switchboard.xmpp.presence.CapabilityOnlyExtensionProvider;
import io.switchboard.xmpp.tls.CertificateCheck;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.ReconnectionManager;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.parsing.ExceptionLoggingCallback;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.stringprep.XmppStringprepException;
import org.minidns.util.InetAddressUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One XMPP account signed in through Smack, behind core's {@link ClientSession}.
 *
 * <p>Life: {@link #signIn()} connects, requires TLS, authenticates, loads the roster and
 * publishes the own presence. When the connection is lost afterwards the session reconnects
 * by itself on its {@link ReconnectPolicy} (Smack's ReconnectionManager is switched off: it
 * has no exponential back-off), re-publishes the presence and reloads the roster, and gives up
 * ({@link SessionState#FAILED}) when retrying cannot help. {@link #signOut()} stops all that.
 *
 * <p>Threads: every listener of this session, of all its services, is called on one
 * {@link SerialExecutor} owned by the session; Smack's threads only translate and hand over.
 */
public final class XmppClientSession implements ClientSession {

    private static final Logger LOG = LoggerFactory.getLogger(XmppClientSession.class);

    static {
        // Smack's providers are process-wide; registering the same one again is harmless.
        ProviderManager.addExtensionProvider(AvailabilityExtension.ELEMENT, AvailabilityExtension.NAMESPACE,
                new AvailabilityExtensionProvider());
        ProviderManager.addExtensionProvider(CapabilityOnlyExtension.ELEMENT, CapabilityOnlyExtension.NAMESPACE,
                new CapabilityOnlyExtensionProvider());
    }

    private final XmppAccount account;
    private final ReconnectPolicy reconnectPolicy;
    private final CertificateCheck certificateCheck;
    private final XMPPTCPConnection connection;
    private final Roster roster;
    private final ExecutorService eventThread;
    private final ScheduledExecutorService reconnectThread;
    /** The roster's presence thread; null when Smack keeps its own (see {@link RosterPresenceThread}). */
    private final ExecutorService rosterPresenceThread;
    private final Listeners<SessionListener> listeners;
    private final XmppPresenceService presence;
    private final XmppContactListService contacts;
    private final XmppChatService chat;

    private final Object lifecycle = new Object();
    private volatile SessionState state = SessionState.SIGNED_OUT;
    /** The user wants to be online: signed in and not signed out since. */
    private volatile boolean wanted;
    private ScheduledFuture<?> pendingReconnect;

    public XmppClientSession(XmppAccount account) {
        this(account, ReconnectPolicy.standard(), Clock.systemUTC());
    }

    public XmppClientSession(XmppAccount account, ReconnectPolicy reconnectPolicy, Clock clock) {
        this.account = Objects.requireNonNull(account, "account");
        this.reconnectPolicy = Objects.requireNonNull(reconnectPolicy, "reconnectPolicy");
        this.certificateCheck = new CertificateCheck(account.trust());
        this.connection = new XMPPTCPConnection(configuration(account, certificateCheck));
        connection.setReplyTimeout(account.replyTimeout().toMillis());
        // a malformed stanza from a peer is logged and dropped; it must not cost us the connection
        connection.setParsingExceptionCallback(new ExceptionLoggingCallback());
        ReconnectionManager.getInstanceFor(connection).disableAutomaticReconnection();

        this.eventThread = Executors.newSingleThreadExecutor(daemon("switchboard-xmpp-events-" + account.user()));
        this.reconnectThread = Executors.newSingleThreadScheduledExecutor(
                daemon("switchboard-xmpp-reconnect-" + account.user()));
        SerialExecutor events = new SerialExecutor(this::runEvent);
        this.listeners = new Listeners<>(events);

        this.roster = Roster.getInstanceFor(connection);
        this.rosterPresenceThread = RosterPresenceThread.confine(roster, "switchboard-xmpp-roster-" + account.user());
        // loaded explicitly in establish(), so that signIn() returns with the buddy list in place
        roster.setRosterLoadedAtLogin(false);
        this.presence = new XmppPresenceService(connection, roster, account.priority(), clock, events);
        this.contacts = new XmppContactListService(connection, roster, presence, events);
        this.chat = new XmppChatService(connection, presence, clock, events);
        connection.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosedOnError(Exception e) {
                reconnectThread.execute(() -> lost(e));
            }

            /** Also when the server closed the stream politely: only signOut() means "stay offline". */
            @Override
            public void connectionClosed() {
                if (wanted) {
                    reconnectThread.execute(() -> lost(new java.io.EOFException("the server closed the connection")));
                }
            }
        });
    }

    @Override
    public Address self() {
        return account.user();
    }

    @Override
    public String device() {
        var user = connection.getUser();
        return user == null ? "" : user.getResourcepart().toString();
    }

    @Override
    public SessionState state() {
        return state;
    }

    @Override
    public void signIn() throws SignInException {
        synchronized (lifecycle) {
            if (state == SessionState.CONNECTED) {
                return;
            }
            wanted = true;
            cancelReconnect();
            changeState(SessionState.CONNECTING, null);
            try {
                establish();
            } catch (SignInException e) {
                wanted = false;
                changeState(SessionState.FAILED, e);
                throw e;
            }
            changeState(SessionState.CONNECTED, null);
        }
    }

    @Override
    public void signOut() {
        synchronized (lifecycle) {
            wanted = false;
            cancelReconnect();
            if (connection.isConnected()) {
                try {
                    connection.disconnect(connection.getStanzaFactory().buildPresenceStanza()
                            .ofType(Presence.Type.unavailable).build());
                } catch (org.jivesoftware.smack.SmackException.NotConnectedException | RuntimeException e) {
                    LOG.debug("Disconnect of {} failed; shutting the socket down", account.user(), e);
                    connection.instantShutdown();
                }
            }
            if (state != SessionState.SIGNED_OUT) {
                changeState(SessionState.SIGNED_OUT, null);
            }
        }
    }

    @Override
    public PresenceService presence() {
        return presence;
    }

    @Override
    public ContactListService contacts() {
        return contacts;
    }

    @Override
    public ChatService chat() {
        return chat;
    }

    @Override
    public Optional<DirectoryLocation> directoryLocation() {
        if (!connection.isAuthenticated()) {
            return Optional.empty();
        }
        return DirectoryDiscovery.ask(connection);
    }

    @Override
    public ListenerRegistration addListener(SessionListener listener) {
        return listeners.add(listener);
    }

    @Override
    public void close() {
        signOut();
        reconnectThread.shutdownNow();
        if (rosterPresenceThread != null) {
            rosterPresenceThread.shutdown();
        }
        eventThread.shutdown();   // queued events (the SIGNED_OUT above) are still delivered
    }

    /** Connect, secure, authenticate, load the roster, publish presence; undone on failure. */
    private void establish() throws SignInException {
        certificateCheck.reset();
        try {
            long start = System.nanoTime();
            if (!connection.isConnected()) {
                connection.connect();
            }
            long connected = System.nanoTime();
            if (!connection.isAuthenticated()) {
                connection.login();
            }
            long authenticated = System.nanoTime();
            roster.reloadAndWait();
            long rosterLoaded = System.nanoTime();
            presence.publish();
            // one line per sign-in that says where the time went (support asks "why is sign-in slow?")
            LOG.info("{} signed in in {} ms: connect and TLS {} ms, authentication and bind {} ms, roster {} ms",
                    account.user(), millis(System.nanoTime() - start), millis(connected - start),
                    millis(authenticated - connected), millis(rosterLoaded - authenticated));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            SignInException failure = SignInFailures.classify(e, certificateCheck.refusedFingerprint(), serverName());
            LOG.debug("Sign-in of {} failed: {}", account.user(), failure.getMessage(), e);
            if (connection.isConnected()) {
                connection.instantShutdown();
            }
            throw failure;
        }
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /** On the reconnect thread, after Smack reported the connection lost. */
    private void lost(Exception e) {
        synchronized (lifecycle) {
            if (!wanted || state != SessionState.CONNECTED) {
                return;
            }
            // a stream error says why; anything else (reset, EOF, a stream cut mid-element) is a lost line
            SignInException cause = e instanceof org.jivesoftware.smack.XMPPException.StreamErrorException
                    ? SignInFailures.classify(e, Optional.empty(), serverName())
                    : new SignInException(SignInException.Reason.UNREACHABLE,
                            "The connection to " + serverName() + " was lost; reconnecting.", e);
            LOG.info("Connection of {} lost: {}", account.user(), cause.getMessage());
            // kicked by the server (policy, resource conflict): reconnecting would fight it
            if (cause.reason() == SignInException.Reason.POLICY_VIOLATION || !reconnectPolicy.shouldRetry(cause)) {
                wanted = false;
                changeState(SessionState.FAILED, cause);
                return;
            }
            changeState(SessionState.RECONNECTING, cause);
            schedule(1);
        }
    }

    private void schedule(int attempt) {
        Duration delay = reconnectPolicy.delay(attempt);
        listeners.fire(l -> l.reconnectScheduled(attempt, delay));
        pendingReconnect = reconnectThread.schedule(() -> retry(attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void retry(int attempt) {
        synchronized (lifecycle) {
            if (!wanted) {
                return;
            }
            try {
                establish();
                LOG.info("{} reconnected after {} attempt(s)", account.user(), attempt);
                changeState(SessionState.CONNECTED, null);
            } catch (SignInException e) {
                if (reconnectPolicy.shouldRetry(e)) {
                    schedule(attempt + 1);
                } else {
                    wanted = false;
                    changeState(SessionState.FAILED, e);
                }
            }
        }
    }

    private void cancelReconnect() {
        if (pendingReconnect != null) {
            pendingReconnect.cancel(false);
            pendingReconnect = null;
        }
    }

    private void changeState(SessionState newState, ServiceException cause) {
        state = newState;
        Optional<ServiceException> why = Optional.ofNullable(cause);
        listeners.fire(l -> l.stateChanged(newState, why));
    }

    private void runEvent(Runnable task) {
        try {
            eventThread.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("Session {} is closed; event dropped", account.user());
        }
    }

    private String serverName() {
        return account.server().map(s -> s.host() + ":" + s.port()).orElse(account.domain());
    }

    private static XMPPTCPConnectionConfiguration configuration(XmppAccount account, CertificateCheck check) {
        try {
            var builder = XMPPTCPConnectionConfiguration.builder()
                    .setUsernameAndPassword(account.user().local(), new String(account.password()))
                    .setXmppDomain(account.domain())
                    .setResource(account.resource())
                    .setSecurityMode(SecurityMode.required)
                    .setCustomX509TrustManager(check.trustManager())
                    .setHostnameVerifier(check.hostnameVerifier())
                    .setSendPresence(false)
                    .setConnectTimeout(Math.toIntExact(account.connectTimeout().toMillis()));
            account.server().ifPresent(s -> {
                // an IP literal is used as is; a host name goes through the system resolver, which
                // reads /etc/hosts (Smack's MiniDNS does not, so "localhost" would be "no such domain")
                if (InetAddressUtil.isIpAddress(s.host())) {
                    builder.setHostAddress(InetAddressUtil.convertToInetAddressIfPossible(s.host()));
                } else {
                    resolveWithSystemResolver(s.host()).ifPresentOrElse(builder::setHostAddress,
                            () -> builder.setHost(s.host()));
                }
                builder.setPort(s.port());
            });
            return builder.build();
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("'" + account.domain() + "' or '" + account.resource()
                    + "' is not valid in XMPP: " + e.getMessage(), e);
        }
    }

    /** Empty when the system cannot resolve it: Smack then tries DNS and reports the failure. */
    private static Optional<InetAddress> resolveWithSystemResolver(String host) {
        try {
            return Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            LOG.debug("System resolver does not know {}; leaving it to DNS", host);
            return Optional.empty();
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** For tests and diagnostics: the Smack connection, never to be used to bypass the services. */
    XMPPConnection connection() {
        return connection;
    }
}
