package io.switchboard.bench.directory;

import io.switchboard.server.store.SyncRun;

import java.time.Duration;

/**
 * One timed directory sync: the wall time around the call, and what the sync itself reported.
 *
 * @param wall from calling the sync to its return, as a user of the server would wait
 * @param run  the sync's own account (people seen, added, updated, disabled; its start and end)
 */
public record SyncMeasurement(Duration wall, SyncRun run) {

    /** People read per second of wall time. */
    public double peoplePerSecond() {
        double seconds = wall.toNanos() / 1e9;
        return seconds == 0 ? 0 : run.seen() / seconds;
    }
}
