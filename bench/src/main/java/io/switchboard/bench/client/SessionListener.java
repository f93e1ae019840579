package io.switchboard.bench.client;

/**
 * What a simulated user reports to the scenario driving it. Called on the user's event loop:
 * implementations must be thread-safe and must not block.
 */
public interface SessionListener {

    /** The user is bound, has its roster and has sent initial presence (or stopped before it, see options). */
    void online(SimulatedUser user, int rosterSize, long connectStartNanos, long onlineNanos);

    /** Login or the session failed; {@code phase} is the state it was in. */
    void failed(SimulatedUser user, String phase, String reason);

    /** A presence from a contact arrived; {@code status} may be null. */
    void presence(SimulatedUser receiver, String fromBareJid, String status, long receivedNanos);
}
