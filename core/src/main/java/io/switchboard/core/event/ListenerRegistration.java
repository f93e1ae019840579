package io.switchboard.core.event;

/** Returned when a listener is added; closing it removes the listener. */
@FunctionalInterface
public interface ListenerRegistration extends AutoCloseable {
    @Override
    void close();
}
