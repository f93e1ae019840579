package io.switchboard.sip.client;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.ChatState;
import io.switchboard.sip.message.IsComposing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Turns received is-composing indications into chat states (RFC 3994 §4): active → COMPOSING
 * until an idle, a message, or the refresh interval passing without a refresh (a lost idle must
 * not leave "is typing" on screen forever) → PAUSED. A message after COMPOSING → ACTIVE.
 * Thread-safe.
 */
final class ComposingInbox {

    private final ScheduledExecutorService timers;
    private final BiConsumer<Address, ChatState> changed;
    /** peer → the timeout of their current active indication. */
    private final Map<Address, ScheduledFuture<?>> composing = new ConcurrentHashMap<>();

    ComposingInbox(ScheduledExecutorService timers, BiConsumer<Address, ChatState> changed) {
        this.timers = timers;
        this.changed = changed;
    }

    void received(Address peer, IsComposing indication) {
        if (indication.isActive()) {
            ScheduledFuture<?> timeout;
            try {
                timeout = timers.schedule(() -> expire(peer), indication.activeTimeoutSeconds(), TimeUnit.SECONDS);
            } catch (RejectedExecutionException closing) {
                return;
            }
            ScheduledFuture<?> previous = composing.put(peer, timeout);
            if (previous != null) {
                previous.cancel(false);
            }
            changed.accept(peer, ChatState.COMPOSING);
        } else if (stop(peer)) {
            changed.accept(peer, ChatState.PAUSED);
        }
    }

    /** A message from {@code peer} arrived: they are no longer composing it (RFC 3994 §3.1). */
    void messageReceived(Address peer) {
        if (stop(peer)) {
            changed.accept(peer, ChatState.ACTIVE);
        }
    }

    private void expire(Address peer) {
        ScheduledFuture<?> current = composing.get(peer);
        if (current != null && current.getDelay(TimeUnit.NANOSECONDS) <= 0 && composing.remove(peer, current)) {
            changed.accept(peer, ChatState.PAUSED);
        }
    }

    private boolean stop(Address peer) {
        ScheduledFuture<?> timeout = composing.remove(peer);
        if (timeout == null) {
            return false;
        }
        timeout.cancel(false);
        return true;
    }
}
