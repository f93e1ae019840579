package io.switchboard.sip.ua.transaction;

import io.switchboard.sip.stack.SipEndpoint;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.AllowHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one {@link SipListener} of a user agent's stack. It only dispatches: responses, timeouts and
 * I/O errors to {@link ClientTransactions}, requests to the {@link RequestProcessor} registered for
 * their method (405 with an Allow header for other methods; nothing before the user agent is bound: the
 * peer retransmits or times out).
 *
 * <p>Created before the stack (the stack needs its listener) and {@linkplain #bind bound} once the
 * endpoint exists. Thread-safe.
 */
public final class SipDispatcher implements SipListener {

    private static final Logger LOG = LoggerFactory.getLogger(SipDispatcher.class);
    private static final RateLimitedLog FAULTS = new RateLimitedLog(LOG, Duration.ofSeconds(10));

    private final Map<String, RequestProcessor> processors = new ConcurrentHashMap<>();
    private volatile SipEndpoint endpoint;
    private volatile ClientTransactions transactions;

    /** Connects the dispatcher to the started endpoint and its transactions. */
    public void bind(SipEndpoint boundEndpoint, ClientTransactions boundTransactions) {
        this.endpoint = Objects.requireNonNull(boundEndpoint, "endpoint");
        this.transactions = Objects.requireNonNull(boundTransactions, "transactions");
    }

    /** Routes requests of {@code method} to {@code processor}; one processor per method. */
    public void register(String method, RequestProcessor processor) {
        if (processors.putIfAbsent(method, Objects.requireNonNull(processor, "processor")) != null) {
            throw new IllegalStateException("a processor for " + method + " is already registered");
        }
    }

    /**
     * Puts {@code interceptor} in front of the processor of {@code method}: it is handed the one
     * registered so far (one that answers 405 when there is none) to pass on what it does not take.
     */
    public void intercept(String method, UnaryOperator<RequestProcessor> interceptor) {
        processors.compute(method, (name, current) -> Objects.requireNonNull(interceptor.apply(
                current != null ? current : request -> request.send(methodNotAllowed(request))), "processor"));
    }

    @Override
    public void processRequest(RequestEvent event) {
        SipEndpoint current = endpoint;
        if (current == null) {
            return; // not started yet: the peer retransmits (UDP) or times out
        }
        IncomingRequest request = new IncomingRequest(event, current);
        String method = event.getRequest().getMethod();
        if (Request.ACK.equals(method)) {
            return;
        }
        RequestProcessor processor = processors.get(method);
        if (processor == null) {
            request.send(methodNotAllowed(request));
            return;
        }
        try {
            processor.process(request);
        } catch (RuntimeException e) {
            FAULTS.warn("{} from {} could not be processed: {}", method,
                    event.getRequest().getHeader("From"), e.toString());
            LOG.debug("processing failure", e);
            if (!request.answered()) {
                request.respond(Response.SERVER_INTERNAL_ERROR);
            }
        }
    }

    private Response methodNotAllowed(IncomingRequest request) {
        Response response = request.createResponse(Response.METHOD_NOT_ALLOWED);
        try {
            for (String method : processors.keySet().stream().sorted().toList()) {
                AllowHeader allow = request.endpoint().headerFactory().createAllowHeader(method);
                response.addHeader(allow);
            }
        } catch (java.text.ParseException e) {
            LOG.debug("Allow header refused", e);
        }
        return response;
    }

    @Override
    public void processResponse(ResponseEvent event) {
        ClientTransactions current = transactions;
        if (current != null) {
            current.onResponse(event);
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        ClientTransactions current = transactions;
        if (current != null) {
            current.onTimeout(event);
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.debug("I/O failure towards {}:{}/{}", event.getHost(), event.getPort(), event.getTransport());
        ClientTransactions current = transactions;
        if (current != null) {
            current.onIoException(event);
        }
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // nothing to do: ClientTransactions forgets a transaction when it completes
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // subscriptions track their own state from responses and NOTIFYs
    }
}
