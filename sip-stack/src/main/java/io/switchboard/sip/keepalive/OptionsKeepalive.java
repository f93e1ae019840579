package io.switchboard.sip.keepalive;

import io.switchboard.sip.ua.ProxyFailures;
import io.switchboard.sip.ua.RequestSequence;
import io.switchboard.sip.ua.SipContext;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.sip.ua.SipResponses;
import java.text.ParseException;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sip.address.URI;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes the current proxy with OPTIONS every keepalive interval while started, so that a dead
 * primary is noticed between registration refreshes (which may be an hour apart). Any final
 * answer — even 401, 404 or 405 — proves the proxy alive; no answer, a broken connection, 408 or
 * a 5xx declares it dead at once and {@code onDead} is told (the registration manager fails over).
 * One unanswered transaction is enough: over UDP it already retransmitted several times.
 *
 * <p>Runs on the user agent's protocol thread.
 */
public final class OptionsKeepalive {

    private static final Logger LOG = LoggerFactory.getLogger(OptionsKeepalive.class);

    private final SipContext context;
    private final Consumer<SipProxy> onDead;
    private final RequestSequence requests;
    private ScheduledFuture<?> timer;

    public OptionsKeepalive(SipContext context, Consumer<SipProxy> onDead) {
        this.context = context;
        this.onDead = onDead;
        this.requests = new RequestSequence(context, Request.OPTIONS);
    }

    /** Starts probing (idempotent); does nothing when the keepalive interval is zero. */
    public void start() {
        context.execute(() -> {
            if (timer == null && !context.settings().keepaliveInterval().isZero()) {
                scheduleNext();
            }
        });
    }

    /** Stops probing (idempotent). */
    public void stop() {
        context.execute(() -> {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        });
    }

    private void scheduleNext() {
        timer = context.executor().schedule(this::probe, context.settings().keepaliveInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void probe() {
        if (timer == null) {
            return;
        }
        SipProxy proxy = context.route().current();
        context.send(requests.next(proxyUri(proxy), context.self(), request -> { })).whenComplete((response, failure) -> {
            boolean dead = failure != null ? ProxyFailures.isProxyFailure(failure)
                    : ProxyFailures.isProxyFailureStatus(response.getStatusCode());
            if (dead) {
                LOG.info("SIP proxy {} failed its keepalive: {}", proxy,
                        failure != null ? ProxyFailures.unwrap(failure).getMessage() : response.getStatusCode());
                onDead.accept(proxy);
            } else if (response != null && !SipResponses.isSuccess(response)) {
                LOG.trace("keepalive answered {}: the proxy is alive", response.getStatusCode());
            }
            if (timer != null) {
                scheduleNext();
            }
        });
    }

    private URI proxyUri(SipProxy proxy) {
        try {
            return context.addresses().createURI("sip:" + proxy.host() + ":" + proxy.port() + ";transport="
                    + proxy.transport().token().toLowerCase(Locale.ROOT));
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build the proxy URI of " + proxy, e);
        }
    }
}
