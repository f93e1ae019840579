package io.switchboard.core.service;

import java.time.Duration;
import java.util.Optional;

/**
 * Connection life of a session. Called on the session's event thread (see {@link ClientSession}).
 */
public interface SessionListener {

    /**
     * @param cause why the state changed when it was not the user's doing (connection lost,
     *              server shut down, sign-in refused); empty otherwise
     */
    void stateChanged(SessionState state, Optional<ServiceException> cause);

    /** The session will try to reconnect after {@code delay}; attempt counts from 1. */
    default void reconnectScheduled(int attempt, Duration delay) {
    }
}
