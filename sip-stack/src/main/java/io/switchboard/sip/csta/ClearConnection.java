package io.switchboard.sip.csta;

import java.util.Objects;

/** Hangs up one connection of a call (ECMA-269 §17.1.5). */
public record ClearConnection(ConnectionId connectionToBeCleared) implements CstaRequest {

    public ClearConnection {
        Objects.requireNonNull(connectionToBeCleared, "connectionToBeCleared");
    }
}
