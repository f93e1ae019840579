package io.switchboard.sip.client;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.event.Listeners;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.LineState;
import io.switchboard.core.service.LineStateService;
import io.switchboard.sip.dialog.LineStateWatcher;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Core's {@link LineStateService} over the SIP {@link LineStateWatcher} (RFC 4235 dialog
 * subscriptions). Failures complete the futures with the user agent's typed exceptions, which are
 * core {@code ServiceException}s already; listeners run on the session's event thread.
 */
final class SipLineStateService implements LineStateService {

    private final LineStateWatcher watcher;
    private final Listeners<LineStateListener> listeners;

    SipLineStateService(LineStateWatcher watcher, Executor events) {
        this.watcher = watcher;
        this.listeners = new Listeners<>(events);
        watcher.addListener((line, state, dialogs) -> listeners.fire(l -> l.lineStateChanged(line, state)));
    }

    @Override
    public CompletableFuture<Void> watch(Address line) {
        return watcher.watch(line);
    }

    @Override
    public CompletableFuture<Void> unwatch(Address line) {
        return watcher.unwatch(line);
    }

    @Override
    public LineState state(Address line) {
        return watcher.state(line);
    }

    @Override
    public ListenerRegistration addListener(LineStateListener listener) {
        return listeners.add(listener);
    }
}
