package io.switchboard.app.presence;

import java.util.Optional;

/** My own presence as the main window shows it; what auto-away reads and changes. Thread-safe. */
public interface OwnPresence {

    /** What I show now; empty while not connected. */
    Optional<PresenceChoice> current();

    /** Publishes a new presence; from any thread (it is moved to the UI thread). */
    void set(PresenceChoice choice);
}
