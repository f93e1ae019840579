package io.switchboard.server.sip.message;

import io.switchboard.server.sip.registrar.Binding;
import io.switchboard.server.sip.transport.ResponseHandler;
import io.switchboard.server.sip.transport.SipMessaging;
import io.switchboard.sip.message.IsComposingCodec;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the gateway's own MESSAGEs (RFC 3428) from the server to every registered contact of a
 * user at once: From {@code sip:sender@domain}, To {@code sip:recipient@domain}, text/plain in
 * UTF-8 or an is-composing document, a Date header with the original time for stored messages.
 * Completes with true at the first 2xx, with false once every contact refused, failed or the
 * deadline passed — before the sender's own transaction would time out (RFC 3261 Timer F, 32 s),
 * so a SIP sender still gets 202 for a stored message rather than 408. Sends nothing (false at
 * once) while the server has too many requests pending ({@link io.switchboard.server.sip.transport.PendingRequests}):
 * the caller stores the message or refuses it. Thread-safe.
 */
public final class SipPager {

    private static final Logger LOG = LoggerFactory.getLogger(SipPager.class);

    private final SipMessaging messaging;
    private final ScheduledExecutorService timers;
    private final Duration deadline;
    private final IsComposingCodec codec = new IsComposingCodec();

    public SipPager(SipMessaging messaging, ScheduledExecutorService timers, Duration deadline) {
        this.messaging = Objects.requireNonNull(messaging, "messaging");
        this.timers = Objects.requireNonNull(timers, "timers");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
    }

    /**
     * @param sender    the local user it is from
     * @param recipient the local user whose {@code bindings} these are
     * @param sentAt    the original time of a stored message, sent as Date; empty for live ones
     * @return completes with whether any contact answered 2xx; never exceptionally
     */
    public CompletableFuture<Boolean> send(List<Binding> bindings, String sender, String recipient, SipIm im,
                                           Optional<Instant> sentAt) {
        CompletableFuture<Boolean> outcome = new CompletableFuture<>();
        if (bindings.isEmpty() || messaging.pending().saturated()) {
            outcome.complete(false);
            return outcome;
        }
        AtomicInteger open = new AtomicInteger(bindings.size());
        Runnable oneFailed = () -> {
            if (open.decrementAndGet() == 0) {
                outcome.complete(false);
            }
        };
        for (Binding binding : bindings) {
            try {
                Request request = request(binding, sender, recipient, im, sentAt);
                messaging.send(request, new Branch(outcome, oneFailed));
            } catch (SipException | ParseException | InvalidArgumentException | RuntimeException e) {
                LOG.debug("cannot send MESSAGE for {} to {}: {}", recipient, binding.contactUri(), e.toString());
                oneFailed.run();
            }
        }
        try {
            timers.schedule(() -> outcome.complete(false), deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            outcome.complete(false);
        }
        return outcome;
    }

    private Request request(Binding binding, String sender, String recipient, SipIm im, Optional<Instant> sentAt)
            throws ParseException, InvalidArgumentException {
        URI target = messaging.addresses().createURI(binding.contactUri());
        var headers = messaging.headers();
        FromHeader from = headers.createFromHeader(messaging.addresses().createAddress(messaging.userUri(sender)),
                messaging.newTag());
        ToHeader to = headers.createToHeader(messaging.addresses().createAddress(messaging.userUri(recipient)), null);
        CallIdHeader callId = headers.createCallIdHeader(messaging.newCallId());
        CSeqHeader cseq = headers.createCSeqHeader(1L, Request.MESSAGE);
        ViaHeader via = messaging.newVia(messaging.transportFor(target));
        Request request = messaging.messages().createRequest(target, Request.MESSAGE, callId, cseq, from, to,
                new ArrayList<>(List.of(via)), headers.createMaxForwardsHeader(70));
        if (im.composing().isPresent()) {
            request.setContent(codec.write(im.composing().get()), headers.createContentTypeHeader(
                    IsComposingCodec.CONTENT_TYPE, IsComposingCodec.CONTENT_SUB_TYPE));
        } else {
            ContentTypeHeader type = headers.createContentTypeHeader("text", "plain");
            type.setParameter("charset", "UTF-8");
            request.setContent(im.text().orElseThrow().getBytes(StandardCharsets.UTF_8), type);
            if (im.subject().isPresent()) {
                request.addHeader(headers.createSubjectHeader(im.subject().get()));
            }
        }
        if (sentAt.isPresent()) {
            Calendar date = Calendar.getInstance(TimeZone.getTimeZone("GMT"));
            date.setTimeInMillis(sentAt.get().toEpochMilli());
            request.addHeader(headers.createDateHeader(date));
        }
        return request;
    }

    /** One contact's transaction: a 2xx completes the whole send, anything else counts down. */
    private record Branch(CompletableFuture<Boolean> outcome, Runnable failed) implements ResponseHandler {
        @Override
        public void onResponse(ClientTransaction transaction, Response response) {
            int status = response.getStatusCode();
            if (status < 200) {
                return;
            }
            if (status < 300) {
                outcome.complete(true);
            } else {
                failed.run();
            }
        }

        @Override
        public void onTimeout(ClientTransaction transaction) {
            failed.run();
        }
    }
}
