package io.switchboard.sip.presence.pidf;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.model.Availability;
import io.switchboard.core.model.DevicePresence;
import io.switchboard.core.model.Presence;
import io.switchboard.core.presence.PresenceComposer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PidfAvailabilityMappingTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final PidfParser parser = new PidfParser();
    private final PidfWriter writer = new PidfWriter();
    private final PidfAvailabilityMapping mapping = new PidfAvailabilityMapping();

    @ParameterizedTest
    @EnumSource(Availability.class)
    void everyAvailabilityRoundTripsThroughPidfText(Availability availability) throws Exception {
        Presence presence = PresenceComposer.compose(List.of(
                new DevicePresence("desk/phone 1", availability, "note " + availability, 0,
                        java.util.Set.of(io.switchboard.core.model.Capability.IM), NOW)));

        byte[] xml = writer.write(mapping.toPidf("sip:alice@switchboard.test", presence, NOW));
        Presence back = mapping.toPresence(parser.parse(xml), NOW);

        assertThat(back.availability()).isEqualTo(availability);
        // core's composed presence lists online devices only
        assertThat(back.devices()).extracting(DevicePresence::deviceId)
                .isEqualTo(availability.isOnline() ? List.of("desk/phone 1") : List.of());
        assertThat(back.note()).isEqualTo(availability.isOnline() ? "note " + availability : "");
    }

    @Test
    void standardClientsSeeTheClosestRpidActivity() throws Exception {
        String xml = new String(writer.write(mapping.toPidf("sip:a@b",
                PresenceComposer.compose(List.of(DevicePresence.of("pc", Availability.DO_NOT_DISTURB, ""))), NOW)),
                StandardCharsets.UTF_8);

        assertThat(xml).contains("<rpid:busy").contains("<sb:availability>dnd</sb:availability>");
    }

    @Test
    void rpidOnlyDocumentsMapByActivity() throws Exception {
        assertThat(availabilityOf("<rpid:activities><rpid:on-the-phone/></rpid:activities>")).isEqualTo(Availability.ON_THE_PHONE);
        assertThat(availabilityOf("<rpid:activities><rpid:meeting/></rpid:activities>")).isEqualTo(Availability.IN_A_MEETING);
        assertThat(availabilityOf("<rpid:activities><rpid:busy/></rpid:activities>")).isEqualTo(Availability.BUSY);
        assertThat(availabilityOf("<rpid:activities><rpid:away/></rpid:activities>")).isEqualTo(Availability.AWAY);
        assertThat(availabilityOf("<rpid:activities><rpid:vacation/></rpid:activities>")).isEqualTo(Availability.OUT_OF_OFFICE);
        assertThat(availabilityOf("<rpid:activities><rpid:other>do-not-disturb</rpid:other></rpid:activities>"))
                .isEqualTo(Availability.DO_NOT_DISTURB);
        assertThat(availabilityOf("<rpid:user-input>idle</rpid:user-input>")).isEqualTo(Availability.IDLE);
        assertThat(availabilityOf("")).isEqualTo(Availability.AVAILABLE);
        assertThat(availabilityOf("<rpid:activities><rpid:on-the-phone/><rpid:meeting/></rpid:activities>"))
                .as("the least reachable activity wins").isEqualTo(Availability.IN_A_MEETING);
        assertThat(availabilityOf("<rpid:activities><rpid:busy/></rpid:activities><sb:availability>no-such</sb:availability>"))
                .as("an unknown extension value falls back to RPID").isEqualTo(Availability.BUSY);
    }

    @Test
    void closedMeansOfflineWhateverThePersonDoes() throws Exception {
        String doc = """
                <presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model"
                    xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid" entity="pres:a@b">
                  <tuple id="t"><status><basic>closed</basic></status></tuple>
                  <dm:person id="p"><rpid:activities><rpid:busy/></rpid:activities></dm:person>
                </presence>""";
        assertThat(mapping.toPresence(parser.parse(doc.getBytes(StandardCharsets.UTF_8)), NOW).availability())
                .isEqualTo(Availability.OFFLINE);
    }

    @Test
    void rfcExamplesMapToCore() throws Exception {
        Presence rfc3863 = mapping.toPresence(parser.parse(PidfParserTest.resource("rfc3863-4.1-basic.xml")), NOW);
        assertThat(rfc3863.availability()).isEqualTo(Availability.AVAILABLE);
        assertThat(rfc3863.devices()).hasSize(2);

        Presence rfc4480 = mapping.toPresence(parser.parse(PidfParserTest.resource("rfc4480-appendix-rpid.xml")), NOW);
        assertThat(rfc4480.availability()).isEqualTo(Availability.AWAY);

        Presence rfc4479 = mapping.toPresence(parser.parse(PidfParserTest.resource("rfc4479-data-model.xml")), NOW);
        assertThat(rfc4479.availability()).isEqualTo(Availability.ON_THE_PHONE);
        assertThat(rfc4479.devices()).extracting(DevicePresence::deviceId).containsExactly("mac:8asd7d7d70");
    }

    @Test
    void writtenDocumentsParseBackEqual() throws Exception {
        PidfDocument original = parser.parse(PidfParserTest.resource("rfc4479-data-model.xml"));
        assertThat(parser.parse(writer.write(original))).isEqualTo(original);
        PidfDocument rfc3863 = parser.parse(PidfParserTest.resource("rfc3863-4.1-basic.xml"));
        assertThat(parser.parse(writer.write(rfc3863))).isEqualTo(rfc3863);
    }

    private Availability availabilityOf(String personContent) throws Exception {
        String doc = """
                <presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model"
                    xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid" xmlns:sb="urn:switchboard:presence:0" entity="pres:a@b">
                  <tuple id="t"><status><basic>open</basic></status></tuple>
                  <dm:person id="p">%s</dm:person>
                </presence>""".formatted(personContent);
        return mapping.toPresence(parser.parse(doc.getBytes(StandardCharsets.UTF_8)), NOW).availability();
    }
}
