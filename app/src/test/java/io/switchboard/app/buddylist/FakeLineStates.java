package io.switchboard.app.buddylist;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.event.Listeners;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.LineState;
import io.switchboard.core.service.LineStateService;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** A line-state service whose lines change when the test says so; remembers what is watched. */
final class FakeLineStates implements LineStateService {

    final Set<Address> watched = ConcurrentHashMap.newKeySet();
    private final Map<Address, LineState> states = new ConcurrentHashMap<>();
    private final Listeners<LineStateListener> listeners = new Listeners<>(Runnable::run);

    /** The server reports {@code state} for {@code line}. */
    void report(Address line, LineState state) {
        states.put(line, state);
        listeners.fire(l -> l.lineStateChanged(line, state));
    }

    @Override
    public CompletableFuture<Void> watch(Address line) {
        watched.add(line);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> unwatch(Address line) {
        watched.remove(line);
        states.remove(line);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public LineState state(Address line) {
        return states.getOrDefault(line, LineState.UNKNOWN);
    }

    @Override
    public ListenerRegistration addListener(LineStateListener listener) {
        return listeners.add(listener);
    }
}
