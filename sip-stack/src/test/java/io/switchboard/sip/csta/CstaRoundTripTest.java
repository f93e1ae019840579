package io.switchboard.sip.csta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every message type reads back equal from what the writer makes of it. */
class CstaRoundTripTest {

    private static final DeviceId ALICE = new DeviceId("sip:alice@example.com");
    private static final DeviceId BOB = new DeviceId("tel:+4930123");
    /** Text that must be escaped, and text outside ASCII. */
    private static final DeviceId ODD = new DeviceId("sip:\"o'b&r<i>en\"@exämple.com;x=𝄞");
    private static final ConnectionId CALL = new ConnectionId("c1", ALICE);
    private static final ConnectionId NO_CALL_ID = new ConnectionId(null, BOB);
    private static final ConnectionId ODD_CALL = new ConnectionId("a&b<c>", ODD);

    private final CstaParser parser = new CstaParser();
    private final CstaWriter writer = new CstaWriter();

    static Stream<CstaMessage> messages() {
        List<CstaMessage> messages = new ArrayList<>(List.of(
                new RequestSystemStatus(),
                new GetCstaFeatures(),
                new MonitorStart(ODD),
                new MonitorStop("x&y"),
                new MakeCall(ALICE, BOB, true),
                new MakeCall(ALICE, ODD, false),
                new AnswerCall(CALL),
                new ClearConnection(NO_CALL_ID),
                new HoldCall(CALL),
                new RetrieveCall(ODD_CALL),
                new SingleStepTransferCall(CALL, BOB),
                new ConsultationCall(CALL, BOB),
                new TransferCall(CALL, NO_CALL_ID),
                new GenerateDigits(CALL, "0123456789*#ABCD"),
                new SetDoNotDisturb(ALICE, true),
                new SetDoNotDisturb(ALICE, false),
                new RequestSystemStatusResponse(),
                new GetCstaFeaturesResponse(Set.of()),
                new GetCstaFeaturesResponse(Set.of("MakeCall", "AnswerCall", "GenerateDigits", "SetDoNotDisturb",
                        "MonitorStart", "GetCSTAFeatures", "RequestSystemStatus", "SomeVendorService")),
                new MonitorStartResponse("99fda87c"),
                new MonitorStopResponse(),
                new MakeCallResponse(CALL),
                new ConsultationCallResponse(ODD_CALL),
                new TransferCallResponse(NO_CALL_ID),
                new CstaErrorCode(CstaError.INVALID_CONNECTION_ID),
                new CstaErrorCode(CstaError.OVERALL_MONITOR_LIMIT_EXCEEDED),
                new CstaErrorCode(new CstaError(CstaError.Category.PERFORMANCE_MANAGEMENT, "someFutureValue")),
                new ServiceInitiatedEvent("m1", CALL, ALICE, LocalConnectionState.INITIATED, Cause.NEW_CALL),
                new OriginatedEvent("m1", CALL, ALICE, BOB, LocalConnectionState.CONNECTED, Cause.MAKE_CALL),
                new DeliveredEvent("m1", CALL, ALICE, BOB, ALICE, LocalConnectionState.ALERTING, Cause.NEW_CALL),
                new DeliveredEvent("m1", ODD_CALL, ODD, null, null, null, Cause.UNKNOWN),
                new EstablishedEvent("m1", CALL, ALICE, BOB, ALICE, LocalConnectionState.CONNECTED, Cause.NORMAL),
                new HeldEvent("m1", CALL, ALICE, LocalConnectionState.HOLD, Cause.NORMAL),
                new RetrievedEvent("m1", CALL, ALICE, LocalConnectionState.CONNECTED, Cause.NORMAL),
                new TransferredEvent("m1", CALL, NO_CALL_ID, ALICE, BOB, LocalConnectionState.NULL, Cause.TRANSFER),
                new TransferredEvent("m1", CALL, null, ALICE, BOB, null, Cause.SINGLE_STEP_TRANSFER),
                new ConnectionClearedEvent("m1", CALL, BOB, LocalConnectionState.NULL, Cause.NORMAL_CLEARING),
                new FailedEvent("m1", CALL, BOB, BOB, LocalConnectionState.FAIL, Cause.BUSY),
                new FailedEvent("m1", CALL, null, BOB, LocalConnectionState.QUEUED, Cause.DEST_NOT_OBTAINABLE)));
        for (String service : PositiveAck.SERVICES) {
            messages.add(new PositiveAck(service));
        }
        for (Cause cause : Cause.values()) {
            messages.add(new HeldEvent("m2", CALL, ALICE, LocalConnectionState.HOLD, cause));
        }
        return messages.stream();
    }

    @ParameterizedTest
    @MethodSource("messages")
    void readsBackEqual(CstaMessage message) throws Exception {
        String xml = writer.write(message);

        assertThat(parser.parse(xml)).as(xml).isEqualTo(message);
    }

    @Test
    void everyMessageTypeIsRoundTripped() {
        Set<Class<?>> covered = messages().map(Object::getClass).collect(Collectors.toSet());
        Set<Class<?>> all = Stream.of(CstaRequest.class, CstaResponse.class, CstaEvent.class)
                .flatMap(kind -> Arrays.stream(kind.getPermittedSubclasses()))
                .collect(Collectors.toSet());

        assertThat(covered).containsExactlyInAnyOrderElementsOf(all);
    }
}
