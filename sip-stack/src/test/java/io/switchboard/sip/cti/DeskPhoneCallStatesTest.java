package io.switchboard.sip.cti;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.Call;
import io.switchboard.core.model.CallEndReason;
import io.switchboard.core.model.CallState;
import io.switchboard.sip.csta.Cause;
import io.switchboard.sip.csta.ConnectionClearedEvent;
import io.switchboard.sip.csta.ConnectionId;
import io.switchboard.sip.csta.DeliveredEvent;
import io.switchboard.sip.csta.DeviceId;
import io.switchboard.sip.csta.EstablishedEvent;
import io.switchboard.sip.csta.FailedEvent;
import io.switchboard.sip.csta.HeldEvent;
import io.switchboard.sip.csta.LocalConnectionState;
import io.switchboard.sip.csta.OriginatedEvent;
import io.switchboard.sip.csta.RetrievedEvent;
import io.switchboard.sip.csta.ServiceInitiatedEvent;
import io.switchboard.sip.csta.TransferredEvent;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The desk line's CSTA events, as the gateway sends them (see CstaEvents on the server), become call snapshots. */
class DeskPhoneCallStatesTest {

    private static final String REF = "m1";
    private static final DeviceId LINE = new DeviceId("sip:1001@localhost");
    private static final DeviceId BOB = new DeviceId("sip:bob@localhost");
    private static final Address BOB_ADDRESS = Address.of("bob", "localhost");
    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

    private final DeskPhoneCallStates states = new DeskPhoneCallStates(LINE, Clock.fixed(T0, ZoneOffset.UTC));

    @Test
    void clickToCallGoesFromDialingThroughRingingToConnectedHeldAndBack() {
        assertThat(states.apply(new ServiceInitiatedEvent(REF, atLine("c1"), LINE, LocalConnectionState.INITIATED,
                Cause.MAKE_CALL))).as("off-hook alone shows nothing").isEmpty();

        Call dialing = single(states.apply(new OriginatedEvent(REF, atLine("c1"), LINE, BOB,
                LocalConnectionState.CONNECTED, Cause.MAKE_CALL)));
        assertThat(dialing.state()).isEqualTo(CallState.DIALING);
        assertThat(dialing.outgoing()).isTrue();
        assertThat(dialing.remote()).isEqualTo(BOB_ADDRESS);

        // the MakeCall response arrives after the first events: the same call, not a second one
        assertThat(states.placed("c1", BOB_ADDRESS).state()).isEqualTo(CallState.DIALING);
        assertThat(states.live()).hasSize(1);

        assertThat(single(states.apply(new DeliveredEvent(REF, atBob("c1"), BOB, LINE, BOB,
                LocalConnectionState.CONNECTED, Cause.NEW_CALL))).state()).isEqualTo(CallState.RINGING);
        Call connected = single(states.apply(new EstablishedEvent(REF, atBob("c1"), BOB, LINE, BOB,
                LocalConnectionState.CONNECTED, Cause.NEW_CALL)));
        assertThat(connected.state()).isEqualTo(CallState.CONNECTED);
        assertThat(connected.connectedAt()).contains(T0);
        assertThat(single(states.apply(new HeldEvent(REF, atBob("c1"), LINE, LocalConnectionState.HOLD,
                Cause.NORMAL))).state()).isEqualTo(CallState.ON_HOLD);
        assertThat(single(states.apply(new RetrievedEvent(REF, atBob("c1"), LINE, LocalConnectionState.CONNECTED,
                Cause.NORMAL))).state()).isEqualTo(CallState.CONNECTED);
    }

    @Test
    void aCallClearedAtMyRequestEndsHungUpAndOneClearedByTheOtherSideRemoteHungUp() {
        states.placed("c1", BOB_ADDRESS);
        states.placed("c2", BOB_ADDRESS);
        states.clearingByMe("c1");

        Call mine = single(states.apply(cleared("c1")));
        Call theirs = single(states.apply(cleared("c2")));

        assertThat(mine.state()).isEqualTo(CallState.ENDED);
        assertThat(mine.end()).contains(CallEndReason.HUNG_UP);
        assertThat(theirs.end()).contains(CallEndReason.REMOTE_HUNG_UP);
        assertThat(states.live()).isEmpty();
        assertThat(states.apply(cleared("c1"))).as("a repeated clear reports nothing").isEmpty();
    }

    @Test
    void anIncomingCallAlertingAtTheLineRingsHereAndCanBeDeclinedOrMissed() {
        Call ringing = single(states.apply(new DeliveredEvent(REF, atLine("in1"), LINE, BOB, LINE,
                LocalConnectionState.ALERTING, Cause.NEW_CALL)));
        assertThat(ringing.state()).isEqualTo(CallState.INCOMING);
        assertThat(ringing.outgoing()).isFalse();
        assertThat(ringing.remote()).isEqualTo(BOB_ADDRESS);

        states.clearingByMe("in1");
        assertThat(single(states.apply(cleared("in1"))).end()).contains(CallEndReason.DECLINED_BY_ME);

        states.apply(new DeliveredEvent(REF, atLine("in2"), LINE, BOB, LINE, LocalConnectionState.ALERTING,
                Cause.NEW_CALL));
        Call missed = single(states.apply(cleared("in2")));
        assertThat(missed.isMissed()).isTrue();
    }

    @Test
    void anAnsweredIncomingCallIsConnected() {
        states.apply(new DeliveredEvent(REF, atLine("in1"), LINE, BOB, LINE, LocalConnectionState.ALERTING,
                Cause.NEW_CALL));
        Call answered = single(states.apply(new EstablishedEvent(REF, atLine("in1"), LINE, BOB, LINE,
                LocalConnectionState.CONNECTED, Cause.NEW_CALL)));
        assertThat(answered.state()).isEqualTo(CallState.CONNECTED);
        assertThat(answered.outgoing()).isFalse();
    }

    @Test
    void aFailedCallEndsWithTheReasonAndWordsFromItsCause() {
        states.placed("c1", BOB_ADDRESS);
        Call busy = single(states.apply(new FailedEvent(REF, atLine("c1"), BOB, BOB, LocalConnectionState.FAIL,
                Cause.BUSY)));
        assertThat(busy.end()).contains(CallEndReason.BUSY);
        assertThat(busy.detail()).isEqualTo("bob@localhost is busy");

        states.placed("c2", BOB_ADDRESS);
        Call unreachable = single(states.apply(new FailedEvent(REF, atLine("c2"), null, BOB,
                LocalConnectionState.FAIL, Cause.DEST_NOT_OBTAINABLE)));
        assertThat(unreachable.end()).contains(CallEndReason.NOT_FOUND);
        assertThat(unreachable.detail()).isEqualTo("The other side cannot be reached");
    }

    @Test
    void aConsultedTransferEndsBothCallsTransferred() {
        states.placed("c1", BOB_ADDRESS);
        states.placed("c2", Address.of("carol", "localhost"));

        List<Call> ended = states.apply(new TransferredEvent(REF, atLine("c1"), atLine("c2"), LINE,
                new DeviceId("sip:carol@localhost"), LocalConnectionState.NULL, Cause.TRANSFER));

        assertThat(ended).extracting(Call::id).containsExactly("c1", "c2");
        assertThat(ended).allSatisfy(call -> assertThat(call.end()).contains(CallEndReason.TRANSFERRED));
        assertThat(states.live()).isEmpty();
    }

    @Test
    void eventsOfCallsNotKnownHereAndWithoutACallIdAreIgnored() {
        assertThat(states.apply(new HeldEvent(REF, atBob("nope"), LINE, LocalConnectionState.HOLD, Cause.NORMAL)))
                .isEmpty();
        assertThat(states.apply(new EstablishedEvent(REF, new ConnectionId(null, BOB), BOB, LINE, BOB,
                LocalConnectionState.CONNECTED, Cause.NEW_CALL))).isEmpty();
        assertThat(states.live()).isEmpty();
    }

    @Test
    void aRequestTheGatewayCouldNotCarryOutEndsTheCallWithItsWords() {
        states.placed("c1", BOB_ADDRESS);
        Call ended = states.failed("c1", "the desk phone no longer has this call").orElseThrow();
        assertThat(ended.end()).contains(CallEndReason.FAILED);
        assertThat(ended.detail()).isEqualTo("the desk phone no longer has this call");
    }

    private static ConnectionClearedEvent cleared(String callId) {
        return new ConnectionClearedEvent(REF, atLine(callId), LINE, LocalConnectionState.NULL, Cause.NORMAL_CLEARING);
    }

    private static ConnectionId atLine(String callId) {
        return new ConnectionId(callId, LINE);
    }

    private static ConnectionId atBob(String callId) {
        return new ConnectionId(callId, BOB);
    }

    private static Call single(List<Call> changed) {
        assertThat(changed).hasSize(1);
        return changed.get(0);
    }
}
