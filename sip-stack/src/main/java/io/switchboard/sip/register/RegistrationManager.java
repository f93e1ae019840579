package io.switchboard.sip.register;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.event.Listeners;
import io.switchboard.sip.ua.ProxyFailures;
import io.switchboard.sip.ua.ProxyRoute;
import io.switchboard.sip.ua.SipContext;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.sip.ua.SipResponses;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the account's contact registered (RFC 3261 §10): digest through the user agent's sender,
 * 423 answered with the registrar's Min-Expires, refresh at half the granted lifetime, unregister on
 * sign-out. Primary/backup proxy failover as Cisco clients do it: when the primary does not answer,
 * cannot be reached or answers 408/5xx, register at the backup and from then on try the primary
 * again every failback interval; once it takes the registration back, the backup binding is removed.
 * When every proxy fails the state is FAILED and registering is retried every retry interval; a
 * refusal of the credentials (401/403) is not retried.
 *
 * <p>State lives on the user agent's protocol thread; public methods may be called from any thread.
 */
public final class RegistrationManager {

    private static final Logger LOG = LoggerFactory.getLogger(RegistrationManager.class);
    /** A registrar may ask for more than once per 423; beyond this it is misbehaving. */
    private static final int MAX_INTERVAL_RETRIES = 2;
    private static final long MIN_REFRESH_MILLIS = 500;

    private final SipContext context;
    private final ProxyRoute route;
    private final Listeners<RegistrationListener> listeners;
    private final Map<SipProxy, RegistrarBinding> bindings = new HashMap<>();
    private volatile RegistrationStatus status = RegistrationStatus.UNREGISTERED;
    private int requestedExpires;
    /** The registrar holding our binding, or null. */
    private SipProxy boundAt;
    private boolean wanted;
    private ScheduledFuture<?> refreshTimer;
    private ScheduledFuture<?> failbackTimer;
    private ScheduledFuture<?> retryTimer;

    public RegistrationManager(SipContext context) {
        this.context = context;
        this.route = context.route();
        this.listeners = new Listeners<>(context.events());
        this.requestedExpires = (int) Math.min(Integer.MAX_VALUE, context.account().expires().toSeconds());
    }

    public RegistrationStatus status() {
        return status;
    }

    public ListenerRegistration addListener(RegistrationListener listener) {
        return listeners.add(listener);
    }

    /**
     * Registers at the primary proxy (the backup if the primary fails) and keeps the registration
     * up until {@link #unregister()}. Completes when registered, or exceptionally with the failure of
     * the last proxy tried ({@code SipRejectedException}, {@code SipTimeoutException},
     * {@code SipTransportException}); registering is retried in the background unless the
     * credentials were refused.
     */
    public CompletableFuture<RegistrationStatus> register() {
        return context.onProtocolThread(() -> {
            wanted = true;
            cancelTimers();
            return registerAt(route.primary(), true);
        });
    }

    /** Removes the binding at the current registrar (REGISTER with Expires 0) and stops refreshing. */
    public CompletableFuture<RegistrationStatus> unregister() {
        return context.onProtocolThread(() -> {
            wanted = false;
            cancelTimers();
            SipProxy registrar = boundAt;
            boundAt = null;
            if (registrar == null) {
                publish(RegistrationStatus.UNREGISTERED);
                return CompletableFuture.completedFuture(status);
            }
            return removeBinding(registrar).handle((ignored, failure) -> {
                publish(RegistrationStatus.UNREGISTERED);
                return status;
            });
        });
    }

    /**
     * Told by the keepalive that {@code proxy} stopped answering: re-register at the other proxy now
     * rather than at the next refresh.
     */
    public void proxyFailed(SipProxy proxy) {
        context.execute(() -> {
            if (wanted && status.isRegistered() && proxy.equals(status.proxy())) {
                LOG.info("SIP proxy {} failed; registering at {}", proxy, route.alternativeTo(proxy));
                cancelTimers();
                registerAt(route.alternativeTo(proxy), false).exceptionally(failure -> status);
            }
        });
    }

    private CompletableFuture<RegistrationStatus> registerAt(SipProxy proxy, boolean mayFailOver) {
        if (!(status.isRegistered() && proxy.equals(status.proxy()))) {
            // a refresh where we are registered is no change worth telling; a first try or a move is
            publish(new RegistrationStatus(RegistrationState.REGISTERING, proxy, Duration.ZERO, null));
        }
        return sendRegister(proxy, requestedExpires, 0).handle((response, failure) -> {
            if (failure == null && SipResponses.isSuccess(response)) {
                return CompletableFuture.completedFuture(registered(proxy, response));
            }
            Exception cause = failure != null ? ProxyFailures.asException(failure)
                    : SipResponses.rejection(Request.REGISTER, response);
            SipProxy other = route.alternativeTo(proxy);
            if (wanted && mayFailOver && ProxyFailures.isProxyFailure(cause) && !other.equals(proxy)) {
                LOG.info("SIP registration at {} failed ({}); trying {}", proxy, cause.getMessage(), other);
                return registerAt(other, false);
            }
            return CompletableFuture.<RegistrationStatus>failedFuture(failed(proxy, cause));
        }).thenCompose(next -> next);
    }

    private CompletableFuture<Response> sendRegister(SipProxy proxy, int expires, int intervalRetries) {
        return context.send(binding(proxy).register(expires)).thenCompose(response -> {
            int minExpires = RegisterMessages.minExpires(response);
            if (response.getStatusCode() == Response.INTERVAL_TOO_BRIEF && minExpires > expires
                    && intervalRetries < MAX_INTERVAL_RETRIES) {
                requestedExpires = minExpires;
                return sendRegister(proxy, minExpires, intervalRetries + 1);
            }
            return CompletableFuture.completedFuture(response);
        });
    }

    private RegistrationStatus registered(SipProxy proxy, Response response) {
        int granted = RegisterMessages.granted(response, context.contact(proxy).getAddress().getURI(), requestedExpires);
        SipProxy previous = boundAt;
        boundAt = proxy;
        route.use(proxy);
        RegistrationStatus now = new RegistrationStatus(RegistrationState.REGISTERED, proxy,
                Duration.ofSeconds(granted), null);
        publish(now);
        if (previous != null && !previous.equals(proxy)) {
            // failed back (or over): the old registrar may still hold our binding
            removeBinding(previous).exceptionally(failure -> null);
        }
        if (!wanted) {
            return now;
        }
        scheduleRefresh(granted);
        if (route.onBackup()) {
            scheduleFailback();
        }
        return now;
    }

    private Exception failed(SipProxy proxy, Exception cause) {
        LOG.info("SIP registration of {} failed at {}: {}", context.account().address(), proxy, cause.getMessage());
        publish(new RegistrationStatus(RegistrationState.FAILED, proxy, Duration.ZERO, cause));
        boolean credentialsRefused = !ProxyFailures.isProxyFailure(cause);
        if (wanted && !credentialsRefused) {
            retryTimer = schedule(context.settings().retryInterval().toMillis(),
                    () -> registerAt(route.primary(), true).exceptionally(failure -> status));
        }
        return cause;
    }

    private void scheduleRefresh(int grantedSeconds) {
        cancel(refreshTimer);
        long delay = Math.max(MIN_REFRESH_MILLIS, grantedSeconds * 1000L / 2);
        refreshTimer = schedule(delay, () -> registerAt(status.proxy() == null ? route.primary() : status.proxy(), true)
                .exceptionally(failure -> status));
    }

    private void scheduleFailback() {
        cancel(failbackTimer);
        failbackTimer = schedule(context.settings().failbackInterval().toMillis(), this::tryFailback);
    }

    private void tryFailback() {
        if (!wanted || !route.onBackup()) {
            return;
        }
        sendRegister(route.primary(), requestedExpires, 0).whenComplete((response, failure) -> {
            if (failure == null && SipResponses.isSuccess(response)) {
                LOG.info("SIP primary proxy {} is back; registration moved from the backup", route.primary());
                cancel(refreshTimer);
                registered(route.primary(), response);
            } else if (wanted && route.onBackup()) {
                scheduleFailback();
            }
        });
    }

    private CompletableFuture<Response> removeBinding(SipProxy proxy) {
        return context.send(binding(proxy).register(0));
    }

    private RegistrarBinding binding(SipProxy proxy) {
        return bindings.computeIfAbsent(proxy, p -> new RegistrarBinding(context, p));
    }

    private void publish(RegistrationStatus next) {
        RegistrationStatus before = status;
        status = next;
        if (!next.equals(before)) {
            listeners.fire(listener -> listener.registrationChanged(next));
        }
    }

    private ScheduledFuture<?> schedule(long delayMillis, Runnable task) {
        return context.executor().schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void cancelTimers() {
        cancel(refreshTimer);
        cancel(failbackTimer);
        cancel(retryTimer);
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

}
