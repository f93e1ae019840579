package io.switchboard.server.sip.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.Availability;
import io.switchboard.core.model.DevicePresence;
import io.switchboard.server.xmpp.im.presence.PresenceEngine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class CallTrackerTest {

    private static final Address ALICE = Address.of("alice", "example.com");
    private static final Address BOB = Address.of("bob", "example.com");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T09:00:00Z"));
    private final PresenceEngine engine = new PresenceEngine(Runnable::run);
    private final CallTracker tracker = new CallTracker(engine, "example.com", clock);

    @Test
    void bothLocalPartiesAreOnThePhoneUntilTheBye() {
        engine.update(ALICE, DevicePresence.of("laptop", Availability.AVAILABLE, "at my desk"));

        tracker.answered("call-1", "alice", "bob");

        assertThat(engine.composedPresence(ALICE).availability()).isEqualTo(Availability.ON_THE_PHONE);
        assertThat(engine.composedPresence(BOB).availability()).isEqualTo(Availability.ON_THE_PHONE);

        tracker.ended("call-1");

        assertThat(engine.composedPresence(ALICE).availability()).isEqualTo(Availability.AVAILABLE);
        assertThat(engine.composedPresence(BOB).isOnline()).isFalse();
    }

    @Test
    void aUserInTwoCallsStaysOnThePhoneUntilBothEnd() {
        tracker.answered("call-1", "alice", "bob");
        tracker.answered("call-2", "alice", null);
        tracker.answered("call-2", "alice", null); // a retransmitted 2xx

        tracker.ended("call-1");
        assertThat(engine.composedPresence(ALICE).availability()).isEqualTo(Availability.ON_THE_PHONE);
        assertThat(engine.composedPresence(BOB).isOnline()).isFalse();

        tracker.ended("call-2");
        tracker.ended("call-2");
        assertThat(engine.composedPresence(ALICE).isOnline()).isFalse();
        assertThat(tracker.activeCalls()).isZero();
    }

    @Test
    void aCallWhoseByeNeverCameIsForgottenAfterTheBound() {
        tracker.answered("lost", "alice", "bob");

        clock.advance(CallTracker.MAX_CALL.minusMinutes(1));
        tracker.forgetStale();
        assertThat(engine.composedPresence(ALICE).availability()).isEqualTo(Availability.ON_THE_PHONE);

        clock.advance(Duration.ofMinutes(2));
        tracker.forgetStale();
        assertThat(engine.composedPresence(ALICE).isOnline()).isFalse();
        assertThat(tracker.activeCalls()).isZero();
    }

    @Test
    void callsBetweenStrangersAreNotTracked() {
        tracker.answered("foreign", null, null);
        assertThat(tracker.activeCalls()).isZero();
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
