package io.switchboard.sip.csta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The documents under {@code src/test/resources/csta/}, written after ECMA-323 and TR/87 (see the README there). */
class CstaExamplesTest {

    private static final DeviceId ALICE = new DeviceId("sip:alice@example.com");
    private static final DeviceId PSTN = new DeviceId("tel:+4930123");

    private final CstaParser parser = new CstaParser();

    @Test
    void makeCall() throws Exception {
        assertThat(parse("MakeCall.xml")).isEqualTo(new MakeCall(ALICE, PSTN, true));
    }

    @Test
    void makeCallResponseKeepsTheCallingConnection() throws Exception {
        assertThat(parse("MakeCallResponse.xml"))
                .isEqualTo(new MakeCallResponse(new ConnectionId("0_99f261b4", ALICE)));
    }

    @Test
    void monitorStartAndItsResponseInAnotherEdition() throws Exception {
        assertThat(parse("MonitorStart.xml")).isEqualTo(new MonitorStart(ALICE));
        assertThat(parse("MonitorStartResponse.xml")).isEqualTo(new MonitorStartResponse("99fda87c"));
    }

    @Test
    void deliveredEvent() throws Exception {
        assertThat(parse("DeliveredEvent.xml")).isEqualTo(new DeliveredEvent("99fda87c",
                new ConnectionId("7", ALICE), ALICE, PSTN, ALICE, LocalConnectionState.ALERTING, Cause.NEW_CALL));
    }

    @Test
    void establishedEventWithACallingDeviceNotKnown() throws Exception {
        assertThat(parse("EstablishedEvent.xml")).isEqualTo(new EstablishedEvent("99fda87c",
                new ConnectionId("7", ALICE), ALICE, null, ALICE, LocalConnectionState.CONNECTED, Cause.NORMAL));
    }

    @Test
    void connectionClearedEvent() throws Exception {
        assertThat(parse("ConnectionClearedEvent.xml")).isEqualTo(new ConnectionClearedEvent("99fda87c",
                new ConnectionId("7", PSTN), PSTN, LocalConnectionState.NULL, Cause.NORMAL_CLEARING));
    }

    @Test
    void errorCode() throws Exception {
        assertThat(parse("CSTAErrorCode.xml")).isEqualTo(new CstaErrorCode(CstaError.INVALID_CONNECTION_ID));
    }

    @Test
    void requestSystemStatusWithAVendorExtension() throws Exception {
        assertThat(parse("RequestSystemStatus.xml")).isEqualTo(new RequestSystemStatus());
    }

    @Test
    void featuresAcrossGroups() throws Exception {
        assertThat(parse("GetCSTAFeaturesResponse.xml")).isEqualTo(new GetCstaFeaturesResponse(
                Set.of("AnswerCall", "ClearConnection", "MakeCall", "MonitorStart", "MonitorStop")));
    }

    @Test
    void documentWithoutANamespace() throws Exception {
        assertThat(parse("ClearConnection-no-namespace.xml")).isEqualTo(new ClearConnection(
                new ConnectionId("0_99f261b4", new DeviceId("tel:73124;phone-context=dialstring"))));
    }

    @Test
    void theWriterUsesTheEdition3NamespaceAndTheDeclaration() {
        String xml = new CstaWriter().write(new MonitorStart(ALICE));

        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<MonitorStart xmlns=\"http://www.ecma-international.org/standards/ecma-323/csta/ed3\">")
                .contains("<monitorObject><deviceObject>sip:alice@example.com</deviceObject></monitorObject>");
    }

    @Test
    void eventDevicesAreWrittenAsSubjectDevices() {
        String xml = new CstaWriter().write(new HeldEvent("1", new ConnectionId("7", ALICE), null,
                LocalConnectionState.HOLD, Cause.UNKNOWN));

        assertThat(xml).contains("<holdingDevice><notKnown/></holdingDevice>")
                .contains("<localConnectionInfo>hold</localConnectionInfo>")
                .doesNotContain("<cause>");
    }

    private CstaMessage parse(String resource) throws IOException, CstaParseException {
        try (InputStream in = getClass().getResourceAsStream("/csta/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            return parser.parse(in.readAllBytes());
        }
    }
}
