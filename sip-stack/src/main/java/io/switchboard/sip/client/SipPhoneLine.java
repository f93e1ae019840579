package io.switchboard.sip.client;

import io.switchboard.core.event.SerialExecutor;
import io.switchboard.core.model.Address;
import io.switchboard.core.service.LineStateService;
import io.switchboard.core.service.SignInException;
import io.switchboard.core.service.VoicemailService;
import io.switchboard.sip.stack.SipStackException;
import io.switchboard.sip.stack.SipStackFactory;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.sip.ua.SipUserAgentSettings;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SIP account used only as a phone, next to a sign-in over another protocol (IM and presence
 * over XMPP, calls over SIP, as Cisco Jabber does): it registers, so calls reach it, and watches
 * the voicemail indicator, but it never publishes presence, watches nobody and keeps no contact
 * list: those stay with the other protocol's session, and a second presence source here would
 * fight it.
 *
 * <p>Threads: listeners of the user agent and of the voicemail service are called on one serial
 * event thread owned by the line.
 */
public final class SipPhoneLine implements SipPhone, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SipPhoneLine.class);

    private final SipAccount account;
    private final SipUserAgent agent;
    private final ExecutorService eventThread;
    private final SipVoicemailService voicemail;
    private final SipLineStateService lineStates;
    private final Duration registerTimeout;
    private volatile boolean registered;

    /**
     * Starts the user agent's stack (nothing is sent before {@link #register()}).
     *
     * @throws SipStackException when no local port can be bound
     */
    public SipPhoneLine(SipStackFactory stacks, SipAccount account, SipUserAgentSettings settings)
            throws SipStackException {
        this.account = Objects.requireNonNull(account, "account");
        this.eventThread = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "switchboard-phone-line-events-" + account.address());
            thread.setDaemon(true);
            return thread;
        });
        SerialExecutor events = new SerialExecutor(this::runEvent);
        this.agent = SipUserAgent.start(stacks, account, settings, events);
        // chats belong to the other session: a MESSAGE answered here would count as delivered (the
        // server sends chats to SIP contacts while the user's XMPP connection is away) and be
        // lost; refused, the server keeps it for the other session
        agent.dispatcher().intercept(Request.MESSAGE, chats -> in -> in.respond(Response.METHOD_NOT_ALLOWED));
        this.voicemail = new SipVoicemailService(agent.voicemail(), events);
        this.lineStates = new SipLineStateService(agent.lineStates(), events);
        // as a SIP sign-in: the primary and the backup proxy, each up to the request timeout, with a digest round
        this.registerTimeout = settings.requestTimeout().multipliedBy(5);
    }

    /**
     * Registers the line (afterwards the registration manager refreshes it and fails over by
     * itself) and subscribes to the voicemail indicator. Blocks: call it on a worker.
     *
     * @throws SignInException why the phone server did not take the registration
     */
    public void register() throws SignInException {
        try {
            agent.registration().register().get(registerTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SipSignInFailures.classify(e, server());
        } catch (ExecutionException | TimeoutException e) {
            agent.registration().unregister();
            throw SipSignInFailures.classify(e instanceof ExecutionException ? e.getCause() : e, server());
        }
        registered = true;
        LOG.info("Phone line {} registered at {}", account.address(), server());
        // a server without mailboxes answers 489, and the lamp stays off
        agent.voicemail().subscribe().exceptionally(failure -> {
            LOG.info("message waiting for {} is not available: {}", account.address(), failure.getMessage());
            return null;
        });
    }

    /** The proxy the line registers at, for messages. */
    public SipProxy phoneServer() {
        return account.primary();
    }

    private String server() {
        return account.primary().toString();
    }

    @Override
    public Address self() {
        return account.address();
    }

    @Override
    public SipUserAgent userAgent() {
        return agent;
    }

    @Override
    public Optional<VoicemailService> voicemail() {
        return Optional.of(voicemail);
    }

    /** Colleagues' phone lamps (RFC 4235 busy lamp field): watched over the phone line, not the chat session. */
    public LineStateService lineStates() {
        return lineStates;
    }

    /** Unregisters (when registered) and stops the stack. */
    @Override
    public void close() {
        agent.lineStates().unwatchAll();
        if (registered) {
            registered = false;
            agent.voicemail().unsubscribe();
            Duration timeout = agent.context().settings().requestTimeout();
            try {
                agent.registration().unregister().get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.debug("unregistering the phone line {} failed: {}", account.address(), e.toString());
            }
        }
        agent.close();
        eventThread.shutdown();
    }

    private void runEvent(Runnable task) {
        try {
            eventThread.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("phone line {} is closed; event dropped", account.address());
        }
    }
}
