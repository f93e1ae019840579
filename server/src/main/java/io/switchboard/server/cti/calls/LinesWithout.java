package io.switchboard.server.cti.calls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Desk lines whose phone was found not to do something (e.g. answer by itself when asked), kept
 * for a while so that the next request fails at once instead of trying again; after that the
 * phone is tried again, for it may have been replaced or reconfigured. Thread-safe.
 */
final class LinesWithout {

    private final Duration kept;
    private final Clock clock;
    private final Map<String, Instant> lines = new ConcurrentHashMap<>();

    LinesWithout(Duration kept, Clock clock) {
        this.kept = kept;
        this.clock = clock;
    }

    void note(String line) {
        lines.put(line, clock.instant().plus(kept));
    }

    boolean contains(String line) {
        Instant until = lines.get(line);
        if (until == null) {
            return false;
        }
        if (clock.instant().isBefore(until)) {
            return true;
        }
        lines.remove(line, until);
        return false;
    }
}
