package io.switchboard.xmpp.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.model.Availability;

import java.util.Arrays;

import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AvailabilityExtensionProviderTest {

    private final AvailabilityExtensionProvider provider = new AvailabilityExtensionProvider();

    @ParameterizedTest
    @EnumSource(value = Availability.class, names = "OFFLINE", mode = EnumSource.Mode.EXCLUDE)
    void everyAvailabilityRoundTrips(Availability availability) throws Exception {
        String xml = AvailabilityExtension.of(availability).toXML().toString();

        AvailabilityExtension parsed = provider.parse(parser(xml));

        assertThat(parsed.availability()).contains(availability);
        assertThat(parsed).isEqualTo(AvailabilityExtension.of(availability));
    }

    @Test
    void serialisesInItsNamespace() {
        assertThat(AvailabilityExtension.of(Availability.ON_THE_PHONE).toXML().toString())
                .isEqualTo("<availability xmlns='urn:switchboard:presence:0'>on-the-phone</availability>");
    }

    @Test
    void wireValuesAreTheDocumentedOnes() {
        assertThat(Arrays.stream(AvailabilityExtension.Value.values()).map(AvailabilityExtension.Value::wire))
                .containsExactly("available", "away", "idle", "busy", "on-the-phone", "in-a-meeting",
                        "out-of-office", "dnd");
    }

    @Test
    void unknownValueIsKeptButMeansNothing() throws Exception {
        AvailabilityExtension parsed = provider.parse(parser(
                "<availability xmlns='urn:switchboard:presence:0'> presenting </availability>"));
        assertThat(parsed.availability()).isEmpty();
        assertThat(parsed.wire()).isEqualTo("presenting");
    }

    @Test
    void rejectsChildElementsAndOverlongText() {
        assertThatThrownBy(() -> provider.parse(parser(
                "<availability xmlns='urn:switchboard:presence:0'><busy/></availability>")))
                .isInstanceOf(SmackParsingException.class);
        assertThatThrownBy(() -> provider.parse(parser(
                "<availability xmlns='urn:switchboard:presence:0'>" + "x".repeat(100) + "</availability>")))
                .isInstanceOf(SmackParsingException.class);
    }

    private static XmlPullParser parser(String xml) throws Exception {
        return PacketParserUtils.getParserFor(xml);
    }
}
