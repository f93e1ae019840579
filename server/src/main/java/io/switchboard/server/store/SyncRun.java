package io.switchboard.server.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What one synchronisation from the directory did.
 *
 * @param seen     people the directory returned
 * @param skipped  entries that could not become accounts (e.g. a user name no address can carry)
 * @param error    why the run stopped early, if it did
 */
public record SyncRun(Kind kind, Instant startedAt, Instant finishedAt, int seen, int added, int updated,
                      int disabled, int skipped, Optional<String> error) {

    /** Full: every person, and who is gone; incremental: only entries changed since the last run. */
    public enum Kind { FULL, INCREMENTAL }

    public Duration took() {
        return Duration.between(startedAt, finishedAt);
    }

    @Override
    public String toString() {
        return String.format("%s sync at %s: %d people, %d added, %d updated, %d disabled, %d skipped in %d ms%s",
                kind == Kind.FULL ? "Full" : "Incremental", startedAt, seen, added, updated, disabled, skipped,
                took().toMillis(), error.map(e -> "; stopped: " + e).orElse(""));
    }
}
