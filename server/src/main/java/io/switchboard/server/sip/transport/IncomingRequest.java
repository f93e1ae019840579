package io.switchboard.server.sip.transport;

import gov.nist.javax.sip.message.MessageFactoryImpl;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request with its server transaction, handed to a {@link RequestProcessor}. Builds responses
 * that carry one To tag for the whole transaction (RFC 3261 §8.2.6.2) and remembers whether a
 * final response was sent, so the dispatcher can answer 500 for a processor that failed.
 *
 * <p>A {@linkplain #stateless stateless} request has no server transaction: its responses go out
 * through the provider and nothing is kept to absorb retransmissions, which therefore reach the
 * processor again and must get the same answer from it (the registrar: ADR 0014, "Stateless
 * REGISTER").
 *
 * <p>A {@linkplain #remembered remembered} request has no server transaction either, but the
 * dispatcher's {@link AnswerMemory} holds its final answer and repeats it to a retransmission, so
 * it is processed once (MESSAGE: a second copy must not become a second chat line).
 */
public final class IncomingRequest {

    private static final Logger LOG = LoggerFactory.getLogger(IncomingRequest.class);

    private final ServerTransaction transaction;
    private final Request request;
    private final SipSource source;
    private final SipMessaging messaging;
    private final String localTag;
    private final AtomicBoolean answered = new AtomicBoolean();
    /** Where a remembered request's answer is kept, with its key; both null otherwise. */
    private final AnswerMemory memory;
    private final AnswerMemory.Key key;

    public IncomingRequest(ServerTransaction transaction, Request request, SipSource source, SipMessaging messaging) {
        this(request, source, messaging, Objects.requireNonNull(transaction, "transaction"), null, null);
    }

    private IncomingRequest(Request request, SipSource source, SipMessaging messaging,
                            ServerTransaction transactionOrNull, AnswerMemory memory, AnswerMemory.Key key) {
        this.transaction = transactionOrNull;
        this.request = Objects.requireNonNull(request, "request");
        this.source = Objects.requireNonNull(source, "source");
        this.messaging = Objects.requireNonNull(messaging, "messaging");
        this.memory = memory;
        this.key = key;
        String existing = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag();
        // a remembered request's tag comes from its key: a repeated answer carries the same one
        this.localTag = existing != null ? existing : key != null ? key.toTag() : messaging.newTag();
    }

    /**
     * A request answered without a server transaction: a retransmission of it is processed again,
     * so only a processor whose answer to a repeat is the same answer may take one.
     */
    public static IncomingRequest stateless(Request request, SipSource source, SipMessaging messaging) {
        return new IncomingRequest(request, source, messaging, null, null, null);
    }

    /** A request answered without a server transaction whose final answer {@code memory} keeps under {@code key}. */
    static IncomingRequest remembered(Request request, SipSource source, SipMessaging messaging,
                                      AnswerMemory memory, AnswerMemory.Key key) {
        return new IncomingRequest(request, source, messaging, null, Objects.requireNonNull(memory, "memory"),
                Objects.requireNonNull(key, "key"));
    }

    /** Sends a retransmitted request the answer its first copy got. */
    void repeat(AnswerMemory.Answered answer) {
        if (answer.kept() == null) {
            messaging.sendStateless(createResponse(answer.status()));
            return;
        }
        try {
            messaging.sendStateless(((MessageFactoryImpl) messaging.messages())
                    .createResponse(new String(answer.kept(), StandardCharsets.UTF_8)));
        } catch (ParseException | RuntimeException e) {
            // our own encoding read back: cannot fail unless JAIN-SIP changed; the client retransmits
            LOG.warn("could not repeat the answer to {} {}: {}", method(), source, e.toString());
        }
    }

    public Request request() {
        return request;
    }

    public String method() {
        return request.getMethod();
    }

    /** The server transaction, or null for a {@linkplain #stateless stateless} request. */
    public ServerTransaction transaction() {
        return transaction;
    }

    /** True when responses go out without a server transaction. */
    public boolean isStateless() {
        return transaction == null;
    }

    public SipSource source() {
        return source;
    }

    public SipMessaging messaging() {
        return messaging;
    }

    /** The To tag of this transaction's responses: the request's own, or one made for it. */
    public String localTag() {
        return localTag;
    }

    /** True when the request came with a To tag: it belongs to an existing dialog. */
    public boolean inDialog() {
        return ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null;
    }

    /** A response to this request with this transaction's To tag (except on 100 Trying). */
    public Response createResponse(int status) {
        return messaging.createResponse(status, request, status == Response.TRYING ? null : localTag);
    }

    public void respond(int status) {
        send(createResponse(status), true);
    }

    /** Sends {@code response} on the transaction; a final response only once. */
    public void send(Response response) {
        send(response, false);
    }

    /** @param plain whether {@code response} is just {@link #createResponse} of its status */
    private void send(Response response, boolean plain) {
        boolean isFinal = response.getStatusCode() >= 200;
        if (isFinal && !answered.compareAndSet(false, true)) {
            LOG.debug("{} {} already answered; not sending {}", method(), source, response.getStatusCode());
            return;
        }
        if (transaction == null) {
            if (memory != null && isFinal) {
                // before it leaves: a retransmission crossing the answer finds it, not "in progress"
                if (plain) {
                    memory.answered(key, response.getStatusCode());
                } else {
                    memory.answered(key, response);
                }
            }
            messaging.sendStateless(response);
            return;
        }
        try {
            transaction.sendResponse(response);
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            // the peer went away or the transaction timed out: nothing more to do for it
            LOG.debug("could not send {} to {} {}: {}", response.getStatusCode(), method(), source, e.toString());
        }
    }

    /**
     * Sends a final {@code response} without keeping the transaction 32 s to absorb retransmissions
     * (Timer J) — for answers that may just as well be sent again to a retransmitted request, like a
     * digest challenge: Kamailio sends those statelessly. A non-INVITE transaction is ended first and
     * the answer goes out statelessly: JAIN-SIP drops a transaction at once only while its timer has
     * not started, and answering starts it, so ending it after the answer kept it the full 32 s
     * anyway (with the request, ~3 KB; half of all transactions under MESSAGE load, docs/benchmarks.md
     * 2026-12-07). An INVITE's transaction is kept: it absorbs the ACK for the answer, which
     * must not be routed on.
     */
    public void sendAndForget(Response response) {
        if (memory != null) {
            // a retransmission is processed again and may just as well get this answer again
            if (response.getStatusCode() < 200 || answered.compareAndSet(false, true)) {
                memory.forget(key);
                messaging.sendStateless(response);
            }
            return;
        }
        if (transaction == null || Request.INVITE.equals(method())) {
            send(response);
            return;
        }
        try {
            transaction.terminate();
        } catch (javax.sip.ObjectInUseException | RuntimeException e) {
            LOG.debug("could not end the transaction of {} {}: {}", method(), source, e.toString());
        }
        if (response.getStatusCode() >= 200 && !answered.compareAndSet(false, true)) {
            LOG.debug("{} {} already answered; not sending {}", method(), source, response.getStatusCode());
            return;
        }
        messaging.sendStateless(response);
    }

    /** Whether a final response went out. */
    public boolean answered() {
        return answered.get();
    }
}
