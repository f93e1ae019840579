package io.switchboard.sip.ua.transaction;

import io.switchboard.sip.ua.SipTimeoutException;
import io.switchboard.sip.ua.SipTransportException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.IOExceptionEvent;
import javax.sip.ObjectInUseException;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests in client transactions and turns their outcome into a future: the final response
 * (any status: the caller judges it), or a {@link SipTimeoutException} when none comes within the
 * timeout (ours, far shorter than JAIN-SIP's 32 s timer F, so a dead proxy is noticed in time), or
 * a {@link SipTransportException} when the request cannot be sent or the connection fails.
 *
 * <p>Futures complete on the user agent's executor, never on a JAIN-SIP thread, so whatever the
 * caller chains runs there. Thread-safe.
 */
public final class ClientTransactions {

    private static final Logger LOG = LoggerFactory.getLogger(ClientTransactions.class);

    private final SipProvider provider;
    private final ScheduledExecutorService executor;
    private final Duration timeout;
    private final TransportFailures failures;
    private final Map<ClientTransaction, Pending> pending = new ConcurrentHashMap<>();

    public ClientTransactions(SipProvider provider, ScheduledExecutorService executor, Duration timeout) {
        this(provider, executor, timeout, TransportFailures.AS_IS);
    }

    /** @param failures explains transport failures more precisely (TLS: untrusted certificate, handshake) */
    public ClientTransactions(SipProvider provider, ScheduledExecutorService executor, Duration timeout,
                              TransportFailures failures) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.failures = Objects.requireNonNull(failures, "failures");
    }

    /**
     * Sends {@code request}, in {@code dialog} when not null.
     *
     * @param hop where the request goes ("host:port"), to fail it when that connection breaks; may be null
     */
    public CompletableFuture<Response> send(Request request, Dialog dialog, String hop) {
        return send(request, dialog, hop, transaction -> { });
    }

    /**
     * As {@link #send(Request, Dialog, String)}, telling {@code created} the new transaction before
     * the request leaves (a SUBSCRIBE's dialog is reachable from it).
     */
    public CompletableFuture<Response> send(Request request, Dialog dialog, String hop,
                                            java.util.function.Consumer<ClientTransaction> created) {
        return send(request, dialog, hop, created, response -> { }, null);
    }

    /**
     * As {@link #send(Request, Dialog, String, java.util.function.Consumer)}, telling
     * {@code provisional} each 1xx (on the executor) and waiting {@code finalTimeout} for the final
     * response once a provisional one came (an INVITE rings for minutes; null: the usual timeout).
     */
    public CompletableFuture<Response> send(Request request, Dialog dialog, String hop,
                                            java.util.function.Consumer<ClientTransaction> created,
                                            java.util.function.Consumer<Response> provisional,
                                            Duration finalTimeout) {
        CompletableFuture<Response> result = new CompletableFuture<>();
        ClientTransaction transaction;
        try {
            transaction = provider.getNewClientTransaction(request);
        } catch (SipException e) {
            result.completeExceptionally(failures.explain(request, new SipTransportException(
                    "cannot send " + request.getMethod() + ": " + e.getMessage(), e)));
            return result;
        }
        Pending entry = new Pending(transaction, request, result, hop, request.getMethod(), provisional,
                finalTimeout == null ? timeout : finalTimeout);
        created.accept(transaction);
        pending.put(transaction, entry);
        entry.timer = executor.schedule(() -> expire(entry), timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            if (dialog != null) {
                dialog.sendRequest(transaction);
            } else {
                transaction.sendRequest();
            }
        } catch (SipException | RuntimeException e) {
            fail(entry, new SipTransportException("cannot send " + request.getMethod() + " to " + hop + ": "
                    + e.getMessage(), e));
        }
        return result;
    }

    /** Requests still waiting for their final response. */
    public int pendingCount() {
        return pending.size();
    }

    void onResponse(ResponseEvent event) {
        ClientTransaction transaction = event.getClientTransaction();
        Response response = event.getResponse();
        if (transaction == null) {
            LOG.debug("stray response {} ignored", response.getStatusCode());
            return;
        }
        if (response.getStatusCode() < 200) {
            Pending waiting = pending.get(transaction);
            if (waiting != null) {
                provisional(waiting, response);
            }
            return;
        }
        Pending entry = pending.remove(transaction);
        if (entry == null) {
            return;
        }
        entry.timer.cancel(false);
        onExecutor(() -> entry.future.complete(response));
    }

    private void provisional(Pending entry, Response response) {
        // the peer is alive and working on it: wait for the final answer as long as it may take
        if (!entry.extended) {
            entry.extended = true;
            entry.timer.cancel(false);
            entry.timer = executor.schedule(() -> expire(entry), entry.finalTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        onExecutor(() -> {
            if (pending.containsKey(entry.transaction)) {
                entry.provisional.accept(response);
            }
        });
    }

    void onTimeout(TimeoutEvent event) {
        if (event.isServerTransaction()) {
            return;
        }
        Pending entry = pending.get(event.getClientTransaction());
        if (entry != null) {
            fail(entry, new SipTimeoutException(entry.method + " to " + entry.hop + ": no response (transaction timeout)"));
        }
    }

    void onIoException(IOExceptionEvent event) {
        String hop = event.getHost() + ":" + event.getPort();
        pending.values().stream()
                .filter(entry -> hop.equals(entry.hop))
                .forEach(entry -> fail(entry, new SipTransportException(
                        entry.method + " to " + hop + "/" + event.getTransport() + ": connection failed")));
    }

    private void expire(Pending entry) {
        fail(entry, new SipTimeoutException(entry.method + " to " + entry.hop + ": no response within "
                + (entry.extended ? entry.finalTimeout : timeout).toMillis() + " ms"));
    }

    private void fail(Pending entry, Exception failure) {
        if (pending.remove(entry.transaction) == null) {
            return;
        }
        entry.timer.cancel(false);
        Exception reported = failure instanceof SipTransportException transport
                ? failures.explain(entry.request, transport) : failure;
        try {
            entry.transaction.terminate();
        } catch (ObjectInUseException e) {
            LOG.trace("transaction still in use", e);
        }
        onExecutor(() -> entry.future.completeExceptionally(reported));
    }

    private void onExecutor(Runnable completion) {
        try {
            executor.execute(completion);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the user agent is closing: complete here rather than leave a caller waiting forever
            completion.run();
        }
    }

    private static final class Pending {
        final ClientTransaction transaction;
        final Request request;
        final CompletableFuture<Response> future;
        final String hop;
        final String method;
        final java.util.function.Consumer<Response> provisional;
        final Duration finalTimeout;
        volatile ScheduledFuture<?> timer;
        volatile boolean extended;

        Pending(ClientTransaction transaction, Request request, CompletableFuture<Response> future, String hop,
                String method,
                java.util.function.Consumer<Response> provisional, Duration finalTimeout) {
            this.transaction = transaction;
            this.request = request;
            this.future = future;
            this.hop = hop;
            this.method = method;
            this.provisional = provisional;
            this.finalTimeout = finalTimeout;
        }
    }
}
