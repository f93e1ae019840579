package io.switchboard.core.service;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.LineState;

import java.util.concurrent.CompletableFuture;

/**
 * Line state of other people's phones, for the busy lamp field: watch a colleague's address (all
 * their phones and desk lines) or a desk line's, and hear whether it is idle, ringing or busy. A
 * watch is kept up (refreshed, re-established after a failover) until it is dropped.
 */
public interface LineStateService {

    /**
     * Starts watching {@code line}. Completes when the server accepted the watch (the state itself
     * follows through the listeners), or exceptionally with a {@link ServiceException} when it
     * refused. Watching a line already watched changes nothing.
     */
    CompletableFuture<Void> watch(Address line);

    /** Stops watching {@code line}; its state becomes {@link LineState#UNKNOWN}. */
    CompletableFuture<Void> unwatch(Address line);

    /** The last state reported for {@code line}; {@link LineState#UNKNOWN} when not watched or not reported yet. */
    LineState state(Address line);

    ListenerRegistration addListener(LineStateListener listener);

    /** Called on the session's event thread, for changes only. */
    @FunctionalInterface
    interface LineStateListener {
        void lineStateChanged(Address line, LineState state);
    }
}
