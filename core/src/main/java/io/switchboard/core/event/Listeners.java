package io.switchboard.core.event;

import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread-safe set of listeners of one type whose events are delivered through one
 * {@link Executor}. Services hand every {@code Listeners} of a session the same serial
 * executor ({@link SerialExecutor}), so all callbacks of a session arrive on one thread,
 * one at a time, in the order the protocol produced them, and never on a network thread.
 * A listener that throws is logged and does not stop delivery to the others.
 */
public final class Listeners<L> {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final CopyOnWriteArrayList<L> listeners = new CopyOnWriteArrayList<>();
    private final Executor executor;

    public Listeners(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    public ListenerRegistration add(L listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    /** Queues delivery of one event to every listener registered now. */
    public void fire(Consumer<? super L> event) {
        if (listeners.isEmpty()) {
            return;
        }
        var snapshot = listeners.toArray();
        try {
            executor.execute(() -> deliver(snapshot, event));
        } catch (RejectedExecutionException e) {
            // the owner shut its event thread down (session closed): nobody is left to tell
            LOG.debug("Event dropped: the event thread is shut down");
        }
    }

    private void deliver(Object[] snapshot, Consumer<? super L> event) {
        for (Object l : snapshot) {
            try {
                @SuppressWarnings("unchecked")
                L listener = (L) l;
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.error("Listener {} failed; other listeners still get the event", l, e);
            }
        }
    }

    public int size() {
        return listeners.size();
    }
}
