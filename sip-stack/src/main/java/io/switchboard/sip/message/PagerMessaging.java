package io.switchboard.sip.message;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.event.Listeners;
import io.switchboard.core.model.Address;
import io.switchboard.sip.ua.RequestSequence;
import io.switchboard.sip.ua.SipContext;
import io.switchboard.sip.ua.SipResponses;
import io.switchboard.sip.ua.transaction.RequestProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import javax.sip.message.Request;

/**
 * Pager-mode instant messages (RFC 3428): {@link #send} with a delivery report, and received
 * messages to {@link MessageListener}s. Every MESSAGE is its own transaction outside any dialog;
 * they share a Call-ID so a proxy sees one sender. Thread-safe.
 */
public final class PagerMessaging {

    private final SipContext context;
    private final Listeners<MessageListener> listeners;
    private final RequestSequence requests;
    private final IsComposingCodec codec = new IsComposingCodec();

    public PagerMessaging(SipContext context) {
        this.context = context;
        this.listeners = new Listeners<>(context.events());
        this.requests = new RequestSequence(context, Request.MESSAGE);
    }

    /** The MESSAGE processor to register with the dispatcher. */
    public RequestProcessor processor(Clock clock) {
        return new MessageProcessor(message -> listeners.fire(listener -> listener.messageReceived(message)),
                (from, indication) -> listeners.fire(listener -> listener.composingReceived(from, indication)), clock);
    }

    public ListenerRegistration addListener(MessageListener listener) {
        return listeners.add(listener);
    }

    /**
     * Sends {@code text} to {@code to} as text/plain. Completes with the report of a 2xx; exceptionally
     * with {@code SipRejectedException} (status and reason of the 4xx/5xx/6xx),
     * {@code SipTimeoutException} or {@code SipTransportException}.
     */
    public CompletableFuture<DeliveryReport> send(Address to, String text) {
        if (text.getBytes(StandardCharsets.UTF_8).length > PagerMessages.MAX_BODY_BYTES) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "message longer than " + PagerMessages.MAX_BODY_BYTES + " bytes"));
        }
        return send(to, request -> PagerMessages.fill(context, request, text));
    }

    /**
     * Sends an RFC 3994 is-composing indication to {@code to}; completes like {@link #send}. The
     * caller decides how often (RFC 3994 §4 asks for at most one active per refresh interval).
     */
    public CompletableFuture<DeliveryReport> sendComposing(Address to, IsComposing indication) {
        byte[] document = codec.write(indication);
        return send(to, request -> PagerMessages.fillComposing(context, request, document));
    }

    private CompletableFuture<DeliveryReport> send(Address to, java.util.function.Consumer<Request> body) {
        return context.onProtocolThread(() -> context.send(requests.next(context.sipAddress(to).getURI(),
                        context.sipAddress(to), body)))
                .thenApply(response -> {
                    if (!SipResponses.isSuccess(response)) {
                        throw new java.util.concurrent.CompletionException(SipResponses.rejection(Request.MESSAGE, response));
                    }
                    return DeliveryReport.of(response.getStatusCode(), response.getReasonPhrase());
                });
    }
}
