package io.switchboard.server.cti.calls;

/** Hears what happens to desk lines' calls, in order per call, on the gateway agent's event thread. */
@FunctionalInterface
public interface DeskCallListener {

    void deskCallEvent(DeskCallEvent event);
}
