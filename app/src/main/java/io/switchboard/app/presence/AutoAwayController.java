package io.switchboard.app.presence;

import io.switchboard.core.model.Availability;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets my presence to Away after a while without input and restores it when I am back.
 * Only an Available presence is changed: Busy, Do not disturb or an Away the user chose are
 * theirs. On return exactly the earlier availability and note come back, unless the user
 * changed the presence by hand meanwhile. {@link #tick()} is the whole logic; {@link #start}
 * calls it every few seconds on a scheduler, never on the UI thread.
 */
public final class AutoAwayController {

    public static final String IDLE_NOTE = "Away (idle)";
    public static final Duration CHECK_PERIOD = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(AutoAwayController.class);
    private static final PresenceChoice IDLE_AWAY = new PresenceChoice(Availability.AWAY, IDLE_NOTE);

    private final IdleTimeSource idle;
    private final Supplier<Duration> threshold;
    private final OwnPresence own;
    /** What to restore on return; null while not auto-away. */
    private PresenceChoice beforeAway;

    /** @param threshold idle time before Away; zero switches auto-away off */
    public AutoAwayController(IdleTimeSource idle, Supplier<Duration> threshold, OwnPresence own) {
        this.idle = Objects.requireNonNull(idle, "idle");
        this.threshold = Objects.requireNonNull(threshold, "threshold");
        this.own = Objects.requireNonNull(own, "own");
    }

    /** Checks every {@link #CHECK_PERIOD}; cancel the returned future to stop. */
    public ScheduledFuture<?> start(ScheduledExecutorService scheduler) {
        long period = CHECK_PERIOD.toMillis();
        return scheduler.scheduleWithFixedDelay(this::tickSafely, period, period, TimeUnit.MILLISECONDS);
    }

    public synchronized void tick() {
        Optional<PresenceChoice> now = own.current();
        Optional<Duration> idleFor = idle.idleTime();
        if (now.isEmpty() || idleFor.isEmpty()) {
            return;   // offline, or idle time unknown this time: decide on a later tick
        }
        Duration limit = threshold.get();
        boolean idleLongEnough = !limit.isZero() && idleFor.get().compareTo(limit) >= 0;
        if (beforeAway == null) {
            if (idleLongEnough && now.get().availability() == Availability.AVAILABLE) {
                beforeAway = now.get();
                LOG.info("Idle for {} s: presence set to Away", idleFor.get().toSeconds());
                own.set(IDLE_AWAY);
            }
            return;
        }
        if (!now.get().equals(IDLE_AWAY)) {
            beforeAway = null;   // the user chose something else while away: that stays
            return;
        }
        if (!idleLongEnough) {
            PresenceChoice restore = beforeAway;
            beforeAway = null;
            LOG.info("Activity again: presence restored to {}", restore.availability());
            own.set(restore);
        }
    }

    /** A failing tick must not end the schedule (an exception would cancel it silently). */
    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("Automatic away check failed", e);
        }
    }
}
