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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.switchboard.sip.dialog.DialogDirection;
import io.switchboard.sip.dialog.DialogEvent;
import io.switchboard.sip.dialog.DialogState;
import io.switchboard.sip.dialog.DialogStatus;

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

    @Test
    void theOwnerOfADeskLineIsOnThePhoneWhileTheLineIsInACall() {
        CallTracker lines = new CallTracker(engine, "example.com",
                line -> line.equals("1001") ? Optional.of("alice") : Optional.empty(), clock);
        engine.update(ALICE, DevicePresence.of("laptop", Availability.AVAILABLE, "at my desk"));

        lines.offered("desk-call", "bob", "1001", "bob-tag");
        assertThat(engine.composedPresence(ALICE).availability()).as("ringing is not a call yet")
                .isEqualTo(Availability.AVAILABLE);

        lines.answered("desk-call", "bob", "1001", "phone-tag");
        assertThat(engine.composedPresence(ALICE).availability()).isEqualTo(Availability.ON_THE_PHONE);
        assertThat(engine.composedPresence(Address.of("1001", "example.com")).availability())
                .isEqualTo(Availability.ON_THE_PHONE);

        lines.ended("desk-call");
        assertThat(engine.composedPresence(ALICE).availability()).isEqualTo(Availability.AVAILABLE);
    }

    @Test
    void aCallGoesThroughTheDialogStatesForEachPartyAndTheLineOwner() {
        CallTracker lines = new CallTracker(engine, "example.com",
                line -> line.equals("1001") ? Optional.of("alice") : Optional.empty(), clock);
        List<String> told = new ArrayList<>();
        lines.addListener(told::add);

        lines.offered("c1", "bob", "1001", "bob-tag");
        assertThat(told).containsExactlyInAnyOrder("bob", "1001", "alice");
        assertThat(lines.dialogsOf("1001")).singleElement().satisfies(d -> {
            assertThat(d.direction()).isEqualTo(DialogDirection.RECIPIENT);
            assertThat(d.status().state()).isEqualTo(DialogState.TRYING);
            assertThat(d.remoteTag()).isEqualTo("bob-tag");
            assertThat(d.localTag()).isNull();
        });
        assertThat(lines.dialogsOf("bob")).singleElement()
                .satisfies(d -> assertThat(d.direction()).isEqualTo(DialogDirection.INITIATOR));

        lines.progressed("c1", "phone-tag");
        assertThat(lines.dialogsOf("alice")).as("the owner sees the line's dialog").singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo("1001");
            assertThat(d.status().state()).isEqualTo(DialogState.EARLY);
            assertThat(d.localTag()).isEqualTo("phone-tag");
        });

        lines.answered("c1", "bob", "1001", "phone-tag");
        assertThat(lines.dialogsOf("1001")).singleElement()
                .satisfies(d -> assertThat(d.status().state()).isEqualTo(DialogState.CONFIRMED));

        lines.ended("c1");
        assertThat(lines.dialogsOf("1001")).singleElement()
                .satisfies(d -> assertThat(d.status().state()).isEqualTo(DialogState.TERMINATED));
        assertThat(lines.activeCalls()).isZero();

        clock.advance(CallTracker.TERMINATED_LINGER);
        told.clear();
        lines.forgetStale();
        assertThat(lines.dialogsOf("1001")).isEmpty();
        assertThat(lines.dialogsOf("alice")).isEmpty();
        assertThat(told).containsExactlyInAnyOrder("bob", "1001", "alice");
        assertThat(lines.dialogsOf("carol")).isEmpty();
    }

    @Test
    void aCallNotAnsweredEndsWithItsReason() {
        tracker.offered("c1", "alice", "bob", "a");
        tracker.progressed("c1", "b");
        tracker.failed("c1", 487);

        assertThat(tracker.dialogsOf("bob")).singleElement().satisfies(d -> assertThat(d.status())
                .isEqualTo(new DialogStatus(DialogState.TERMINATED, DialogEvent.CANCELLED, 487)));
        assertThat(engine.composedPresence(BOB).isOnline()).as("never on the phone").isFalse();

        tracker.offered("c2", "alice", "bob", "a");
        tracker.failed("c2", 486);
        assertThat(tracker.dialogsOf("alice")).extracting(d -> d.status().event())
                .containsExactlyInAnyOrder(DialogEvent.CANCELLED, DialogEvent.REJECTED);
    }

    @Test
    void aCallStillRingingWhenItShouldHaveTimedOutIsForgotten() {
        tracker.offered("lost", "alice", "bob", "a");

        clock.advance(CallTracker.MAX_RINGING.plusSeconds(1));
        tracker.forgetStale();

        assertThat(tracker.dialogsOf("alice")).isEmpty();
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
