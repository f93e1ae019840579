package io.switchboard.app.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.model.Availability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class AutoAwayControllerTest {

    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    private static final PresenceChoice IDLE_AWAY = new PresenceChoice(Availability.AWAY, "Away (idle)");

    /** Idle time driven by a clock the test moves, like the real fallback source. */
    private final MutableClock clock = new MutableClock();
    private final AppInputIdleTimeSource idle = new AppInputIdleTimeSource(clock);
    private final RecordingPresence own = new RecordingPresence(new PresenceChoice(Availability.AVAILABLE, "at my desk"));
    private Duration threshold = TEN_MINUTES;
    private final AutoAwayController controller = new AutoAwayController(idle, () -> threshold, own);

    @Test
    void goesAwayAfterTheIdleTimeAndRestoresExactlyOnActivity() {
        clock.advance(Duration.ofMinutes(9));
        controller.tick();
        assertThat(own.sets).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        controller.tick();
        assertThat(own.sets).containsExactly(IDLE_AWAY);

        clock.advance(Duration.ofMinutes(30));
        controller.tick();
        assertThat(own.sets).hasSize(1);   // still idle: nothing new

        idle.activity(null);
        controller.tick();
        assertThat(own.sets).containsExactly(IDLE_AWAY, new PresenceChoice(Availability.AVAILABLE, "at my desk"));
    }

    @Test
    void busyAndDoNotDisturbStayAsTheUserChose() {
        for (Availability chosen : List.of(Availability.BUSY, Availability.DO_NOT_DISTURB, Availability.AWAY)) {
            own.now = Optional.of(new PresenceChoice(chosen, ""));
            clock.advance(Duration.ofHours(1));
            controller.tick();
        }
        assertThat(own.sets).isEmpty();
    }

    @Test
    void aPresenceTheUserChoseWhileAwayIsNotOverwritten() {
        clock.advance(TEN_MINUTES);
        controller.tick();
        own.now = Optional.of(new PresenceChoice(Availability.BUSY, "meeting"));   // picked by hand

        idle.activity(null);
        controller.tick();

        assertThat(own.sets).containsExactly(IDLE_AWAY);
    }

    @Test
    void nothingHappensWhileOfflineOrSwitchedOff() {
        own.now = Optional.empty();
        clock.advance(Duration.ofHours(1));
        controller.tick();

        own.now = Optional.of(new PresenceChoice(Availability.AVAILABLE, ""));
        threshold = Duration.ZERO;
        controller.tick();

        assertThat(own.sets).isEmpty();
    }

    @Test
    void anUnknownIdleTimeChangesNothing() {
        AutoAwayController blind = new AutoAwayController(new IdleTimeSource() {
            @Override
            public Optional<Duration> idleTime() {
                return Optional.empty();
            }

            @Override
            public String description() {
                return "broken";
            }
        }, () -> TEN_MINUTES, own);
        blind.tick();
        assertThat(own.sets).isEmpty();
    }

    @Test
    void ioregOutputIsParsed() {
        String output = "    | |   \"HIDIdleTime\" = 61000000000\n    | |   \"HIDParameters\" = {}";
        assertThat(MacIdleTimeSource.parse(output)).contains(Duration.ofSeconds(61));
        assertThat(MacIdleTimeSource.parse("nothing here")).isEmpty();
    }

    @Test
    void thePlatformSourceIsUsedOnlyWhenItAnswers() {
        IdleTimeSource fallback = idle;
        IdleTimeSource working = fixed(Optional.of(Duration.ofSeconds(3)));
        IdleTimeSource silent = fixed(Optional.empty());

        assertThat(IdleTimeSources.select(io.switchboard.app.settings.PlatformDirectories.Os.LINUX,
                Optional::empty, Optional::empty, () -> Optional.of(working), fallback)).isSameAs(working);
        assertThat(IdleTimeSources.select(io.switchboard.app.settings.PlatformDirectories.Os.MAC,
                Optional::empty, () -> Optional.of(silent), () -> Optional.of(working), fallback)).isSameAs(fallback);
        assertThat(IdleTimeSources.select(io.switchboard.app.settings.PlatformDirectories.Os.WINDOWS,
                Optional::empty, () -> Optional.of(working), () -> Optional.of(working), fallback)).isSameAs(fallback);
    }

    private static IdleTimeSource fixed(Optional<Duration> value) {
        return new IdleTimeSource() {
            @Override
            public Optional<Duration> idleTime() {
                return value;
            }

            @Override
            public String description() {
                return "fixed";
            }
        };
    }

    private static final class RecordingPresence implements OwnPresence {
        Optional<PresenceChoice> now;
        final List<PresenceChoice> sets = new ArrayList<>();

        RecordingPresence(PresenceChoice initial) {
            now = Optional.of(initial);
        }

        @Override
        public Optional<PresenceChoice> current() {
            return now;
        }

        @Override
        public void set(PresenceChoice choice) {
            sets.add(choice);
            now = Optional.of(choice);
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-02T09:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
