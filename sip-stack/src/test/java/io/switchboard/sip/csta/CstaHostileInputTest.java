package io.switchboard.sip.csta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.switchboard.sip.csta.CstaParseException.Kind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a hostile or broken peer may send: each is a {@link CstaParseException} of the right kind, nothing else. */
class CstaHostileInputTest {

    private static final String NS = "xmlns=\"http://www.ecma-international.org/standards/ecma-323/csta/ed3\"";

    private final CstaParser parser = new CstaParser();

    @ParameterizedTest
    @ValueSource(strings = {
            "", "   ", "not xml", "<MakeCall", "<MakeCall></Make>", "<a><b></a></b>", "<MakeCall/><MakeCall/>",
            "<?xml version=\"1.0\"?>", "\u0000", "<MakeCall " + NS + ">&unknown;</MakeCall>",
            "<MakeCall xmlns=\"urn:not-csta\"/>",
            "<MakeCall xmlns=\"http://www.ecma-international.org/standards/ecma-323/csta/\"/>"})
    void notWellFormedOrNotCsta(String body) {
        assertKind(body, Kind.MALFORMED);
    }

    @Test
    void billionLaughsIsRefusedWithoutExpansion() {
        String body = "<?xml version=\"1.0\"?>\n<!DOCTYPE MakeCall [\n"
                + " <!ENTITY lol \"lol\">\n"
                + " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
                + " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
                + " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
                + " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
                + "]>\n<MakeCall " + NS + "><callingDevice>&lol4;</callingDevice>"
                + "<calledDirectoryNumber>1</calledDirectoryNumber></MakeCall>";

        assertKind(body, Kind.MALFORMED);
    }

    @Test
    void externalEntityIsRefusedAndNotFetched() {
        String body = "<?xml version=\"1.0\"?>\n<!DOCTYPE MakeCall [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n"
                + "<MakeCall " + NS + "><callingDevice>&xxe;</callingDevice>"
                + "<calledDirectoryNumber>1</calledDirectoryNumber></MakeCall>";

        CstaParseException e = assertKind(body, Kind.MALFORMED);
        assertThat(e.getMessage()).doesNotContain("root:");
    }

    @Test
    void aDoctypeAloneIsRefused() {
        assertKind("<!DOCTYPE RequestSystemStatus><RequestSystemStatus " + NS + "/>", Kind.MALFORMED);
    }

    @Test
    void overSizeIsRefusedBeforeParsing() {
        String padding = " ".repeat(200);
        String body = "<RequestSystemStatus " + NS + ">" + padding + "</RequestSystemStatus>";
        CstaParser small = new CstaParser(128);

        CstaParseException e = catchThrowableOfType(CstaParseException.class, () -> small.parse(body));
        assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(e.getMessage()).contains("limit");
        CstaParseException bytes = catchThrowableOfType(CstaParseException.class,
                () -> small.parse(body.getBytes(StandardCharsets.UTF_8)));
        assertThat(bytes.kind()).isEqualTo(Kind.MALFORMED);
    }

    @Test
    void multiByteCharactersCountAsTheirUtf8Bytes() {
        String body = "<MonitorStop " + NS + "><monitorCrossRefID>" + "é".repeat(60)
                + "</monitorCrossRefID></MonitorStop>";
        assertThat(body.length()).isLessThan(200);

        CstaParseException e = catchThrowableOfType(CstaParseException.class, () -> new CstaParser(200).parse(body));
        assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
    }

    @Test
    void deepNestingIsRefused() {
        String body = "<RequestSystemStatus " + NS + ">" + "<x>".repeat(100) + "</x>".repeat(100)
                + "</RequestSystemStatus>";

        assertThat(assertKind(body, Kind.MALFORMED).getMessage()).contains("deeper");
    }

    @Test
    void tooManyElementsAreRefused() {
        String body = "<RequestSystemStatus " + NS + ">" + "<x/>".repeat(2_000) + "</RequestSystemStatus>";

        assertThat(assertKind(body, Kind.MALFORMED).getMessage()).contains("elements");
    }

    @Test
    void unknownRootIsAnUnknownServiceWithItsName() {
        CstaParseException e = assertKind("<DeflectCall " + NS + "><callToBeDiverted/></DeflectCall>",
                Kind.UNKNOWN_SERVICE);

        assertThat(e.elementName()).isEqualTo("DeflectCall");
        assertThat(CstaParseException.errorFor(e)).isEqualTo(CstaError.INVALID_FEATURE);
    }

    @Test
    void missingRequiredElementNamesIt() {
        CstaParseException e = assertKind("<MakeCall " + NS + "><callingDevice>sip:a@b</callingDevice></MakeCall>",
                Kind.MISSING_PARAMETER);

        assertThat(e.elementName()).isEqualTo("calledDirectoryNumber");
        assertThat(CstaParseException.errorFor(e)).isEqualTo(CstaError.VALUE_OUT_OF_RANGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<AnswerCall " + NS + "><callToBeAnswered><callID>1</callID></callToBeAnswered></AnswerCall>",
            "<MonitorStart " + NS + "><monitorObject><callObject/></monitorObject></MonitorStart>",
            "<DeliveredEvent " + NS + "><connection><deviceID>a</deviceID></connection></DeliveredEvent>",
            "<HeldEvent " + NS + "><monitorCrossRefID>1</monitorCrossRefID>"
                    + "<heldConnection><deviceID>a</deviceID></heldConnection></HeldEvent>",
            "<CSTAErrorCode " + NS + "/>", "<MonitorStartResponse " + NS + "/>"})
    void otherMissingElements(String body) {
        assertKind(body, Kind.MISSING_PARAMETER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"123E", "12 3", "", "1234567890123456789012345678901234", "\u0661", "#*a"})
    void digitsThatAreNotDtmf(String digits) {
        String body = "<GenerateDigits " + NS + "><connectionToSendDigits><callID>1</callID><deviceID>sip:a@b</deviceID>"
                + "</connectionToSendDigits><charactersToSend>" + digits + "</charactersToSend></GenerateDigits>";

        CstaParseException e = assertKind(body, Kind.MALFORMED);
        assertThat(CstaParseException.errorFor(e)).isEqualTo(CstaError.OPERATION_GENERIC);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<MakeCall " + NS + "><callingDevice>  </callingDevice><calledDirectoryNumber>1</calledDirectoryNumber></MakeCall>",
            "<MakeCall " + NS + "><callingDevice/><calledDirectoryNumber>1</calledDirectoryNumber></MakeCall>",
            "<MonitorStart " + NS + "><monitorObject><deviceObject>\t</deviceObject></monitorObject></MonitorStart>",
            "<ClearConnection " + NS + "><connectionToBeCleared><deviceID/></connectionToBeCleared></ClearConnection>",
            "<DeliveredEvent " + NS + "><monitorCrossRefID>1</monitorCrossRefID><connection><deviceID>a</deviceID>"
                    + "</connection><alertingDevice><deviceIdentifier> </deviceIdentifier></alertingDevice>"
                    + "<callingDevice><notKnown/></callingDevice><calledDevice><notKnown/></calledDevice>"
                    + "</DeliveredEvent>",
            "<MonitorStop " + NS + "><monitorCrossRefID></monitorCrossRefID></MonitorStop>"})
    void blankIdentifiers(String body) {
        assertKind(body, Kind.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<MakeCall " + NS + "><callingDevice>a</callingDevice><calledDirectoryNumber>b</calledDirectoryNumber>"
                    + "<autoOriginate>maybe</autoOriginate></MakeCall>",
            "<SetDoNotDisturb " + NS + "><device>a</device><doNotDisturbOn>yes</doNotDisturbOn></SetDoNotDisturb>",
            "<HeldEvent " + NS + "><monitorCrossRefID>1</monitorCrossRefID><heldConnection><deviceID>a</deviceID>"
                    + "</heldConnection><holdingDevice><notKnown/></holdingDevice>"
                    + "<localConnectionInfo>sideways</localConnectionInfo></HeldEvent>",
            "<CSTAErrorCode " + NS + "><nonsense>x</nonsense></CSTAErrorCode>",
            "<CSTAErrorCode " + NS + "><operation/></CSTAErrorCode>"})
    void invalidValues(String body) {
        assertKind(body, Kind.MALFORMED);
    }

    @Test
    void overlongDeviceIdIsRefused() {
        String body = "<MonitorStart " + NS + "><monitorObject><deviceObject>sip:" + "a".repeat(300)
                + "@b</deviceObject></monitorObject></MonitorStart>";

        assertKind(body, Kind.MALFORMED);
    }

    @Test
    void oddFeatureListsKeepTheServicesThatCanBeNamed() throws Exception {
        String body = "<GetCSTAFeaturesResponse " + NS + "><supportedServices><callControlServices>"
                + "<makeCall/><_private/><x" + "y".repeat(100) + "/></callControlServices>"
                + "<monitoringServices>" + "<monitorStart/>".repeat(300) + "</monitoringServices>"
                + "</supportedServices></GetCSTAFeaturesResponse>";

        assertThat(parser.parse(body)).isEqualTo(new GetCstaFeaturesResponse(java.util.Set.of("MakeCall", "MonitorStart")));
    }

    @Test
    void identifiersThatXmlCannotCarryAreRefusedByTheRecords() {
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> new DeviceId("sip:\uD800@x"))).isNotNull();
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> new DeviceId("sip:a\u0007@x"))).isNotNull();
        assertThat(new DeviceId("  sip:\uD834\uDD1E@x ").value()).isEqualTo("sip:\uD834\uDD1E@x");
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] body = {'<', 'a', '>', (byte) 0xC3, (byte) 0x28, '<', '/', 'a', '>'};

        CstaParseException e = catchThrowableOfType(CstaParseException.class, () -> parser.parse(body));
        assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
    }

    @Test
    void unknownCauseAndVendorExtensionsAreTolerated() throws Exception {
        String body = "<HeldEvent " + NS + "><monitorCrossRefID>1</monitorCrossRefID><heldConnection>"
                + "<deviceID>a</deviceID></heldConnection><holdingDevice><deviceIdentifier>a</deviceIdentifier>"
                + "</holdingDevice><cause>somethingNew</cause><extensions><privateData><private>"
                + "<v:x xmlns:v=\"urn:vendor\"><v:y/></v:x></private></privateData></extensions></HeldEvent>";

        assertThat(parser.parse(body)).isEqualTo(new HeldEvent("1", new ConnectionId(null, new DeviceId("a")),
                new DeviceId("a"), null, Cause.UNKNOWN));
    }

    @Test
    void garbageNeverEscapesAsAnUncheckedException() {
        java.util.Random random = new java.util.Random(42);
        String seed = new CstaWriter().write(new DeliveredEvent("m", new ConnectionId("1", new DeviceId("a")),
                new DeviceId("a"), new DeviceId("b"), null, LocalConnectionState.ALERTING, Cause.NEW_CALL));
        String alphabet = "<>&;/\"'x \u0000é!";
        for (int i = 0; i < 2_000; i++) {
            char[] chars = seed.toCharArray();
            for (int j = 0; j < 1 + random.nextInt(4); j++) {
                chars[random.nextInt(chars.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String mutated = new String(chars, 0, random.nextInt(chars.length) + 1);
            try {
                parser.parse(mutated);
            } catch (CstaParseException expected) {
                assertThat(expected.kind()).isNotNull();
            }
        }
    }

    private CstaParseException assertKind(String body, Kind kind) {
        CstaParseException e = catchThrowableOfType(CstaParseException.class, () -> parser.parse(body));
        assertThat(e).as(body).isNotNull();
        assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
        return e;
    }
}
