package io.switchboard.server.sip.transport;

import gov.nist.javax.sip.message.SIPMessage;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.TransactionUnavailableException;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RetryAfterHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one {@link SipListener} of the server's stack. On the JAIN-SIP thread it only does what
 * must happen before any work: the per-source rate limit, the size limit, creating the server
 * transaction (which absorbs retransmissions) unless the method's processor answers
 * {@linkplain RequestProcessor#stateless() statelessly}. Everything else — digest checks against the
 * store, location lookups, sending — runs on the worker executor in the {@link RequestProcessor}
 * registered for the method; responses and timeouts of our own client transactions go to the
 * {@link ResponseHandler} attached to them. No SIP logic lives here.
 */
public final class SipRequestDispatcher implements SipListener {

    private static final Logger LOG = LoggerFactory.getLogger(SipRequestDispatcher.class);
    private static final long FULL_WARNING_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final SipMessaging messaging;
    private final SourceRateLimiter limiter;
    private final int maxMessageBytes;
    private final Map<String, RequestProcessor> processors;
    private final RequestProcessor fallback;
    private final Executor workers;
    private final RequestPrechecks prechecks = new RequestPrechecks();
    /** Stateless requests queued or being processed, by {@link #inFlightKey}; at most the worker queue's size. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /** The answers of {@linkplain RequestProcessor#answerRemembered() remembered} requests. */
    private final AnswerMemory answers = new AnswerMemory();
    private final AtomicLong lastFullWarning =
            new AtomicLong(System.nanoTime() - FULL_WARNING_INTERVAL_NANOS - 1);

    /**
     * @param processors per method; requests of other methods go to {@code fallback}
     */
    public SipRequestDispatcher(SipMessaging messaging, SourceRateLimiter limiter, int maxMessageBytes,
                                Map<String, RequestProcessor> processors, RequestProcessor fallback,
                                Executor workers) {
        this.messaging = Objects.requireNonNull(messaging, "messaging");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.maxMessageBytes = maxMessageBytes;
        this.processors = Map.copyOf(processors);
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.workers = Objects.requireNonNull(workers, "workers");
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        if (!messaging.isBound()) {
            return; // still starting: the client retransmits
        }
        SipSource source = sourceOf(request);
        switch (limiter.check(source)) {
            case REJECT -> {
                LOG.info("SIP requests from {} over the rate limit; refusing with 503 for {} s", source,
                        limiter.retryAfterSeconds());
                if (!Request.ACK.equals(request.getMethod())) {
                    rejectStateless(request, Response.SERVICE_UNAVAILABLE, true);
                }
                return;
            }
            case DROP -> {
                LOG.debug("dropped {} from {}: over the rate limit", request.getMethod(), source);
                return;
            }
            case ALLOW -> { }
        }
        if (Request.ACK.equals(request.getMethod())) {
            // ACKs for our non-2xx responses are absorbed by the transactions; the ACK of a 2xx in a
            // call we Record-Routed goes to the ACK processor, which forwards it statelessly
            RequestProcessor ackProcessor = processors.get(Request.ACK);
            if (ackProcessor != null) {
                IncomingRequest ack = IncomingRequest.stateless(request, source, messaging);
                execute(() -> ackProcessor.process(ack), () -> LOG.debug("ACK dropped: workers busy"));
            }
            return;
        }
        if (((SIPMessage) request).getSize() > maxMessageBytes) {
            LOG.debug("{} from {} is larger than {} bytes: 513", request.getMethod(), source, maxMessageBytes);
            rejectStateless(request, Response.MESSAGE_TOO_LARGE, false);
            return;
        }
        if (request.getHeader(MaxForwardsHeader.NAME) == null) {
            // RFC 2543 clients send none (RFC 4475 3.4.1) and JAIN-SIP refuses a transaction
            // without it; a proxy adds 70 where it is missing anyway (RFC 3261 16.6 step 3)
            try {
                request.setHeader(messaging.headers().createMaxForwardsHeader(70));
            } catch (InvalidArgumentException e) {
                throw new IllegalStateException(e);
            }
        }
        RequestProcessor processor = processors.getOrDefault(request.getMethod(), fallback);
        IncomingRequest incoming = processor.stateless()
                ? IncomingRequest.stateless(request, source, messaging)
                : processor.answerRemembered() && ListeningPoint.UDP.equalsIgnoreCase(source.transport())
                        ? remembered(event, request, source)
                        : inTransaction(event, request, source);
        if (incoming == null) {
            return;
        }
        var refusal = prechecks.check(request, messaging.headers());
        if (refusal.isPresent()) {
            LOG.debug("{} from {} refused before processing: {}", request.getMethod(), source, refusal.get().status());
            Response response = incoming.createResponse(refusal.get().status());
            refusal.get().headers().forEach(response::addHeader);
            incoming.send(response);
            return;
        }
        String inFlightKey = processor.stateless() ? inFlightKey(request) : null;
        if (inFlightKey != null && !inFlight.add(inFlightKey)) {
            // a retransmission of a stateless request still queued or being processed: the first
            // copy will answer. Without this, a server that falls behind by more than Timer A
            // (500 ms) processes every request again and again, and falls further behind.
            LOG.debug("{} from {} is a retransmission of one not answered yet: dropped", request.getMethod(), source);
            return;
        }
        execute(() -> {
            try {
                processor.process(incoming);
            } catch (RuntimeException e) {
                LOG.warn("SIP {} from {} failed: {}", incoming.method(), source, e.toString(), e);
                if (!incoming.answered()) {
                    incoming.respond(Response.SERVER_INTERNAL_ERROR);
                }
            } finally {
                if (inFlightKey != null) {
                    inFlight.remove(inFlightKey);
                }
            }
        }, () -> {
            if (inFlightKey != null) {
                inFlight.remove(inFlightKey);
            }
            incoming.respond(Response.SERVICE_UNAVAILABLE);
        });
    }

    /**
     * What identifies a request's retransmissions (RFC 3261 §17.2.3): the top Via's branch, its
     * sent-by and the method; null for a branch without the RFC 3261 magic cookie, whose
     * retransmissions cannot be told apart this way (they are processed again).
     */
    private static String inFlightKey(Request request) {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        String branch = via == null ? null : via.getBranch();
        if (branch == null || !branch.startsWith("z9hG4bK")) {
            return null;
        }
        return branch + '|' + via.getHost() + ':' + via.getPort() + '|' + request.getMethod();
    }

    /**
     * The request with its answer remembered; null when it is a retransmission (answered again
     * from memory, or dropped while the first copy is in progress) or there is no room to remember it.
     */
    private IncomingRequest remembered(RequestEvent event, Request request, SipSource source) {
        AnswerMemory.Key key = answers.keyOf(request);
        if (key == null) {
            return inTransaction(event, request, source);
        }
        AnswerMemory.Seen seen = answers.arrive(key);
        if (seen instanceof AnswerMemory.First) {
            return IncomingRequest.remembered(request, source, messaging, answers, key);
        }
        if (seen instanceof AnswerMemory.Answered answer) {
            IncomingRequest.remembered(request, source, messaging, answers, key).repeat(answer);
        } else if (seen instanceof AnswerMemory.InProgress) {
            LOG.debug("{} from {} is a retransmission of one not answered yet: dropped", request.getMethod(), source);
        } else {
            long now = System.nanoTime();
            long last = lastFullWarning.get();
            if (now - last > FULL_WARNING_INTERVAL_NANOS && lastFullWarning.compareAndSet(last, now)) {
                LOG.warn("too many requests in the last 40 s to remember their answers: new ones are refused with "
                        + "503 (logged at most every 10 s)");
            }
            rejectStateless(request, Response.SERVICE_UNAVAILABLE, true);
        }
        return null;
    }

    /**
     * The request with a new server transaction, which absorbs its retransmissions; null when it
     * is one (or cannot have a transaction, after answering where that helps).
     */
    private IncomingRequest inTransaction(RequestEvent event, Request request, SipSource source) {
        ServerTransaction transaction = event.getServerTransaction();
        if (transaction == null) {
            try {
                transaction = ((SipProvider) event.getSource()).getNewServerTransaction(request);
            } catch (TransactionAlreadyExistsException retransmission) {
                return null;
            } catch (TransactionUnavailableException e) {
                LOG.debug("no server transaction for {} from {}: {}", request.getMethod(), source, e.toString());
                if (String.valueOf(e.getMessage()).startsWith("Missing a required header")) {
                    // e.g. an RFC 2543 INVITE without Contact (RFC 4475 3.4.1): answer rather than go silent
                    rejectStateless(request, Response.BAD_REQUEST, false);
                }
                return null;
            }
        }
        return new IncomingRequest(transaction, request, source, messaging);
    }

    @Override
    public void processResponse(ResponseEvent event) {
        ClientTransaction transaction = event.getClientTransaction();
        if (transaction == null || !(transaction.getApplicationData() instanceof ResponseHandler handler)) {
            LOG.debug("stray response {} dropped", event.getResponse().getStatusCode());
            return;
        }
        execute(() -> handler.onResponse(transaction, event.getResponse()), () -> { });
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (event.isServerTransaction()) {
            return;
        }
        ClientTransaction transaction = event.getClientTransaction();
        if (transaction.getApplicationData() instanceof ResponseHandler handler) {
            execute(() -> handler.onTimeout(transaction), () -> { });
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.debug("SIP transport error towards {}:{}/{}", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // a client transaction's place among the pending ones is free at the latest now (one that
        // ended without a final response or timeout event, e.g. after a transport error)
        if (!event.isServerTransaction()
                && event.getClientTransaction().getApplicationData() instanceof PendingRequests.Tracked tracked) {
            tracked.release();
        }
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // the server keeps no JAIN-SIP dialogs (automatic dialog support is off)
    }

    private void execute(Runnable work, Runnable whenRejected) {
        try {
            workers.execute(work);
        } catch (RejectedExecutionException e) {
            LOG.debug("SIP worker pool refused work (stopping?)");
            whenRejected.run();
        }
    }

    private void rejectStateless(Request request, int status, boolean retryAfter) {
        Response response = messaging.createResponse(status, request, messaging.newTag());
        if (retryAfter) {
            try {
                RetryAfterHeader header = messaging.headers().createRetryAfterHeader(limiter.retryAfterSeconds());
                response.setHeader(header);
            } catch (InvalidArgumentException e) {
                throw new IllegalStateException(e);
            }
        }
        messaging.sendStateless(response);
    }

    private static SipSource sourceOf(Request request) {
        SIPMessage message = (SIPMessage) request;
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        String transport = via == null ? "?" : via.getTransport();
        String address = message.getRemoteAddress() == null ? "?" : message.getRemoteAddress().getHostAddress();
        return new SipSource(address, message.getRemotePort(), transport);
    }
}
