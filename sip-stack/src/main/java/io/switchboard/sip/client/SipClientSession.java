package io.switchboard.sip.client;

import io.switchboard.sip.auth.DigestResponder;
import io.switchboard.sip.presence.xcap.PresRulesManager;
import io.switchboard.sip.presence.xcap.XcapClient;
import io.switchboard.sip.presence.xcap.XcapException;
import java.net.http.HttpClient;
import java.util.function.Supplier;
import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.event.Listeners;
import io.switchboard.core.event.SerialExecutor;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.DirectoryLocation;
import io.switchboard.core.service.ChatService;
import io.switchboard.core.service.ClientSession;
import io.switchboard.core.service.ContactListService;
import io.switchboard.core.service.PresenceService;
import io.switchboard.core.service.ServiceException;
import io.switchboard.core.service.SessionListener;
import io.switchboard.core.service.SessionState;
import io.switchboard.core.service.SignInException;
import io.switchboard.core.service.LineStateService;
import io.switchboard.core.service.VoicemailService;
import io.switchboard.sip.directory.DirectoryLocationManager;
import io.switchboard.sip.register.RegistrationState;
import io.switchboard.sip.register.RegistrationStatus;
import io.switchboard.sip.stack.SipStackException;
import io.switchboard.sip.stack.SipStackFactory;
import io.switchboard.sip.ua.ProxyFailures;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.sip.ua.SipContext;
import io.switchboard.sip.ua.SipUserAgentSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SIP account behind core's {@link ClientSession}: presence (PUBLISH/SUBSCRIBE) and chat
 * (MESSAGE) over a {@link SipUserAgent}.
 *
 * <p>Life: {@link #signIn()} registers (primary proxy, else the backup), publishes the own presence
 * and subscribes to every contact. Afterwards the registration manager keeps the session up by
 * itself: a failed refresh or keepalive moves it to the other proxy ({@link SessionState#RECONNECTING}
 * while no proxy takes it, {@link SessionState#CONNECTED} again once one does); refused credentials
 * end in {@link SessionState#FAILED}. {@link #signOut()} removes the publication, ends the
 * subscriptions and unregisters.
 *
 * <p>Threads: every listener of this session and of its services is called on one serial event
 * thread owned by the session, which is also the user agent's events executor.
 */
public final class SipClientSession implements ClientSession, SipPhone {

    private static final Logger LOG = LoggerFactory.getLogger(SipClientSession.class);

    private final SipAccount account;
    private final SipUserAgent agent;
    private final ExecutorService eventThread;
    private final Listeners<SessionListener> listeners;
    private final SipPresenceService presence;
    private final SipContactListService contacts;
    private final SipChatService chat;
    private final SipVoicemailService voicemail;
    private final SipLineStateService lineStates;
    private final Supplier<XcapClient> xcap;
    private final Duration signInTimeout;
    private final String device;
    private final Object lifecycle = new Object();
    private volatile SessionState state = SessionState.SIGNED_OUT;
    private volatile boolean wanted;

    /**
     * Starts the user agent's stack (no request is sent before {@link #signIn()}).
     *
     * @throws SipStackException when no local port can be bound
     */
    public SipClientSession(SipStackFactory stacks, SipAccount account, SipUserAgentSettings settings, Clock clock)
            throws SipStackException {
        this.account = Objects.requireNonNull(account, "account");
        this.eventThread = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "switchboard-sip-events-" + account.address());
            thread.setDaemon(true);
            return thread;
        });
        SerialExecutor events = new SerialExecutor(this::runEvent);
        this.listeners = new Listeners<>(events);
        this.agent = SipUserAgent.start(stacks, account, settings, events);
        this.device = "sip-" + SipContext.newTag().substring(0, 8);
        // REGISTER may try the primary and then the backup, each up to the request timeout, with a digest round each
        this.signInTimeout = settings.requestTimeout().multipliedBy(5);
        Duration serviceTimeout = settings.requestTimeout().multipliedBy(3);
        this.presence = new SipPresenceService(agent.presence(), agent.watcher(), device, clock, serviceTimeout,
                this::isConnected, events);
        this.xcap = xcap(account, serviceTimeout);
        this.contacts = new SipContactListService(agent.watcher(), agent.watchers(),
                () -> new PresRulesManager(xcap.get(), account.xcapRootOrDefault(), account.address()),
                serviceTimeout, this::isConnected, events);
        this.chat = new SipChatService(agent.messaging(), clock, this::isConnected, events, agent.context().executor());
        this.voicemail = new SipVoicemailService(agent.voicemail(), events);
        this.lineStates = new SipLineStateService(agent.lineStates(), events);
        agent.registration().addListener(this::registrationChanged);
    }

    /** The account's XCAP client, built on first use: many sessions never need HTTP (ADR 0019). */
    private static Supplier<XcapClient> xcap(SipAccount account, Duration timeout) {
        Object lock = new Object();
        XcapClient[] made = new XcapClient[1];
        return () -> {
            synchronized (lock) {
                if (made[0] == null) {
                    HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
                    made[0] = new XcapClient(http, account.credentials(), new DigestResponder(), timeout);
                }
                return made[0];
            }
        };
    }

    @Override
    public Address self() {
        return account.address();
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public SessionState state() {
        return state;
    }

    /** The user agent underneath, for the SIP-only features (e.g. fetch, registration status). */
    public SipUserAgent userAgent() {
        return agent;
    }

    @Override
    public void signIn() throws SignInException {
        synchronized (lifecycle) {
            if (state == SessionState.CONNECTED) {
                return;
            }
            wanted = true;
            changeState(SessionState.CONNECTING, null);
            try {
                agent.registration().register().get(signInTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw signInFailed(SipSignInFailures.classify(e, server()));
            } catch (ExecutionException | TimeoutException e) {
                agent.registration().unregister();
                throw signInFailed(SipSignInFailures.classify(e instanceof ExecutionException ? e.getCause() : e, server()));
            }
            changeState(SessionState.CONNECTED, null);
        }
        try {
            presence.publish();
        } catch (ServiceException e) {
            // signed in all the same: contacts simply see us offline until the next refresh or change
            LOG.info("publishing the presence of {} at sign-in failed: {}", account.address(), e.getMessage());
        }
        contacts.subscribeAll();
        // who asks to watch us: the buddy list's pending requests (RFC 3857)
        agent.watchers().subscribe().exceptionally(failure -> {
            LOG.info("watcher information of {} is not available: {}", account.address(), failure.getMessage());
            return null;
        });
        // the voicemail indicator (RFC 3842): a server without mailboxes answers 489, and the lamp stays off
        agent.voicemail().subscribe().exceptionally(failure -> {
            LOG.info("message waiting for {} is not available: {}", account.address(), failure.getMessage());
            return null;
        });
    }

    @Override
    public void signOut() {
        synchronized (lifecycle) {
            boolean wasWanted = wanted;
            wanted = false;
            if (wasWanted) {
                Duration timeout = agent.context().settings().requestTimeout();
                await(agent.presence().remove(), timeout);
                contacts.contacts().forEach(c -> agent.watcher().unsubscribe(c.address()));
                agent.watchers().unsubscribe();
                agent.voicemail().unsubscribe();
                agent.lineStates().unwatchAll();
                await(agent.registration().unregister(), timeout);
            }
            if (state != SessionState.SIGNED_OUT) {
                changeState(SessionState.SIGNED_OUT, null);
            }
        }
    }

    /** Line state of watched colleagues and desk lines (RFC 4235), watched as the UI asks. */
    @Override
    public Optional<LineStateService> lineStates() {
        return Optional.of(lineStates);
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

    /** The voicemail indicator: the mailbox's message summary, subscribed at sign-in (RFC 3842). */
    @Override
    public Optional<VoicemailService> voicemail() {
        return Optional.of(voicemail);
    }

    /** Asked of the XCAP server, SIP's stand-in for service discovery (ADR 0030). */
    @Override
    public Optional<DirectoryLocation> directoryLocation() {
        if (!isConnected()) {
            return Optional.empty();
        }
        try {
            return new DirectoryLocationManager(xcap.get(), account.xcapRootOrDefault()).fetch();
        } catch (XcapException e) {
            LOG.info("The XCAP server of {} did not say where a directory is: {}", account.address(), e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public ListenerRegistration addListener(SessionListener listener) {
        return listeners.add(listener);
    }

    @Override
    public void close() {
        signOut();
        agent.close();
        eventThread.shutdown();   // queued events (the SIGNED_OUT above) are still delivered
    }

    private boolean isConnected() {
        return state == SessionState.CONNECTED;
    }

    /** On the event thread: the registration manager failed over, lost every proxy, or came back. */
    private void registrationChanged(RegistrationStatus status) {
        if (!wanted || state == SessionState.CONNECTING) {
            return; // signIn() holds the lock and decides itself: do not block the event thread on it
        }
        synchronized (lifecycle) {
            if (!wanted || state == SessionState.CONNECTING) {
                return;
            }
            if (status.state() == RegistrationState.REGISTERED && state != SessionState.CONNECTED) {
                LOG.info("{} registered again at {}", account.address(), status.proxy());
                changeState(SessionState.CONNECTED, null);
                contacts.subscribeAll();
            } else if (status.state() == RegistrationState.FAILED && state == SessionState.CONNECTED) {
                Exception failure = status.failure();
                SignInException cause = SipSignInFailures.classify(failure, server());
                if (failure != null && !ProxyFailures.isProxyFailure(failure)) {
                    wanted = false;
                    changeState(SessionState.FAILED, cause);
                } else {
                    changeState(SessionState.RECONNECTING, cause);
                }
            }
        }
    }

    private SignInException signInFailed(SignInException failure) {
        wanted = false;
        LOG.debug("sign-in of {} failed: {}", account.address(), failure.getMessage());
        changeState(SessionState.FAILED, failure);
        return failure;
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
            LOG.debug("session {} is closed; event dropped", account.address());
        }
    }

    private String server() {
        return account.primary().toString();
    }

    private static void await(java.util.concurrent.CompletableFuture<?> future, Duration timeout) {
        try {
            future.get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("sign-out step failed: {}", e.toString());
        }
    }
}
