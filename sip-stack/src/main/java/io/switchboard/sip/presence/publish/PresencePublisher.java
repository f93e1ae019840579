package io.switchboard.sip.presence.publish;

import io.switchboard.core.model.Presence;
import io.switchboard.sip.presence.pidf.PidfAvailabilityMapping;
import io.switchboard.sip.presence.pidf.PidfWriter;
import io.switchboard.sip.ua.RequestSequence;
import io.switchboard.sip.ua.SipContext;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.sip.ua.SipResponses;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the user's own presence (RFC 3903, event package "presence", PIDF/RPID body): the
 * first publication carries the document, later changes modify it under SIP-If-Match, refreshes at
 * half the granted lifetime carry only SIP-If-Match, {@link #remove()} ends it with Expires 0. A 412
 * (the server lost our entity) is answered by publishing the last document from scratch; a 423 by
 * asking for the server's Min-Expires.
 *
 * <p>State lives on the user agent's protocol thread; public methods may be called from any thread.
 */
public final class PresencePublisher {

    private static final Logger LOG = LoggerFactory.getLogger(PresencePublisher.class);
    private static final long MIN_REFRESH_MILLIS = 500;

    private final SipContext context;
    private final PidfAvailabilityMapping mapping;
    private final PidfWriter writer;
    private final Clock clock;
    private final RequestSequence requests;
    private int requestedExpires;
    private String etag;
    private byte[] document;
    private ScheduledFuture<?> refreshTimer;
    private volatile Optional<PublicationStatus> status = Optional.empty();

    public PresencePublisher(SipContext context, PidfAvailabilityMapping mapping, PidfWriter writer, Clock clock) {
        this.context = context;
        this.mapping = mapping;
        this.writer = writer;
        this.clock = clock;
        this.requests = new RequestSequence(context, Request.PUBLISH);
        this.requestedExpires = (int) Math.min(Integer.MAX_VALUE, context.account().expires().toSeconds());
    }

    /** The publication the server holds, or empty before the first and after {@link #remove()}. */
    public Optional<PublicationStatus> status() {
        return status;
    }

    /**
     * Publishes {@code presence} as the user's PIDF document: initially, or as a modification of the
     * current publication. Completes when the server accepted it, or exceptionally with
     * {@code SipRejectedException} / {@code SipTimeoutException} / {@code SipTransportException}.
     */
    public CompletableFuture<PublicationStatus> publish(Presence presence) {
        byte[] pidf = writer.write(mapping.toPidf(context.account().address().toSipUri(), presence, clock.instant()));
        return context.onProtocolThread(() -> {
            document = pidf;
            return send(etag, pidf, true);
        });
    }

    /** Removes the publication (Expires 0); completes at once when there is none. */
    public CompletableFuture<Void> remove() {
        return context.onProtocolThread(() -> {
            cancelRefresh();
            String current = etag;
            etag = null;
            document = null;
            status = Optional.empty();
            if (current == null) {
                return CompletableFuture.completedFuture(null);
            }
            return context.send(requests.next(ownUri(), context.self(),
                            request -> PublishMessages.fill(context, request, current, null, 0)))
                    .thenApply(response -> {
                        if (!SipResponses.isSuccess(response) && response.getStatusCode() != Response.CONDITIONAL_REQUEST_FAILED) {
                            throw new java.util.concurrent.CompletionException(
                                    SipResponses.rejection(Request.PUBLISH, response));
                        }
                        return null;
                    });
        });
    }

    /**
     * Requests now go through another proxy (failover to the backup, or failback to the primary):
     * its presence server does not hold our publication, so the last document is published there
     * from scratch at once rather than at the next refresh, and the publication at the proxy we
     * left is removed, best effort (it may be dead; left alone it would expire).
     */
    public void proxyChanged(SipProxy left) {
        context.execute(() -> {
            if (document == null) {
                return;
            }
            cancelRefresh();
            String old = etag;
            etag = null;
            if (old != null) {
                context.send(requests.next(ownUri(), context.self(),
                                request -> PublishMessages.fill(context, request, old, null, 0), left))
                        .exceptionally(failure -> null);
            }
            LOG.info("presence of {} published again through {}", context.account().address(), context.route().current());
            republish();
        });
    }

    /**
     * One PUBLISH and what its answer leads to.
     *
     * @param match the entity tag to match, or null for an initial publication
     * @param body  the document, or null for a refresh
     * @param mayRecover whether a 412 or 423 may still be answered by another attempt
     */
    private CompletableFuture<PublicationStatus> send(String match, byte[] body, boolean mayRecover) {
        int expires = requestedExpires;
        return context.send(requests.next(ownUri(), context.self(),
                request -> PublishMessages.fill(context, request, match, body, expires))).thenCompose(response -> {
            int code = response.getStatusCode();
            if (SipResponses.isSuccess(response)) {
                return CompletableFuture.completedFuture(accepted(response, expires));
            }
            if (code == Response.CONDITIONAL_REQUEST_FAILED && mayRecover && document != null) {
                LOG.debug("presence server lost publication {}; publishing from scratch", match);
                etag = null;
                return send(null, document, false);
            }
            int minExpires = PublishMessages.minExpires(response);
            if (code == Response.INTERVAL_TOO_BRIEF && mayRecover && minExpires > expires) {
                requestedExpires = minExpires;
                return send(match, body, false);
            }
            return CompletableFuture.failedFuture(SipResponses.rejection(Request.PUBLISH, response));
        });
    }

    private PublicationStatus accepted(Response response, int requested) {
        String newTag = PublishMessages.etag(response);
        int granted = SipResponses.expires(response, requested);
        etag = newTag;
        PublicationStatus accepted = new PublicationStatus(newTag, Duration.ofSeconds(granted));
        status = Optional.of(accepted);
        scheduleRefresh(granted);
        return accepted;
    }

    private void scheduleRefresh(int grantedSeconds) {
        cancelRefresh();
        long delay = Math.max(MIN_REFRESH_MILLIS, grantedSeconds * 1000L / 2);
        refreshTimer = context.executor().schedule(this::refresh, delay, TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        if (etag == null) {
            return;
        }
        send(etag, null, true).whenComplete((accepted, failure) -> {
            if (failure != null) {
                LOG.info("refreshing the presence publication of {} failed: {}", context.account().address(),
                        failure.getMessage());
                // the next publish() starts from scratch; a retry keeps the user visible meanwhile
                etag = null;
                if (document != null) {
                    refreshTimer = context.executor().schedule(this::republish,
                            context.settings().retryInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        });
    }

    private void republish() {
        if (document != null && etag == null) {
            send(null, document, true).exceptionally(failure -> {
                refreshTimer = context.executor().schedule(this::republish,
                        context.settings().retryInterval().toMillis(), TimeUnit.MILLISECONDS);
                return null;
            });
        }
    }

    private void cancelRefresh() {
        if (refreshTimer != null) {
            refreshTimer.cancel(false);
        }
    }

    private javax.sip.address.URI ownUri() {
        return context.self().getURI();
    }

}
