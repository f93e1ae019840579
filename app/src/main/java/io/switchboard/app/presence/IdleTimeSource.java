package io.switchboard.app.presence;

import java.time.Duration;
import java.util.Optional;

/** How long the user has not touched keyboard or mouse. Called off the UI thread. */
public interface IdleTimeSource {

    /** Empty when it cannot be told right now (the source failed). */
    Optional<Duration> idleTime();

    /** For the log: which source is in use. */
    String description();
}
