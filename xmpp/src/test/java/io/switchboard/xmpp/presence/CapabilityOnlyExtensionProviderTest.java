package io.switchboard.xmpp.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.junit.jupiter.api.Test;

/** The server's marker for a registered phone (ADR 0017): empty, anything inside is refused. */
class CapabilityOnlyExtensionProviderTest {

    private final CapabilityOnlyExtensionProvider provider = new CapabilityOnlyExtensionProvider();

    @Test
    void roundTripsAsAnEmptyElementInItsNamespace() throws Exception {
        String xml = CapabilityOnlyExtension.INSTANCE.toXML().toString();
        assertThat(xml).isEqualTo("<capability-only xmlns='urn:switchboard:presence:0'/>");
        assertThat(provider.parse(parser(xml))).isSameAs(CapabilityOnlyExtension.INSTANCE);
        assertThat(provider.parse(parser("<capability-only xmlns='urn:switchboard:presence:0'> text </capability-only>")))
                .isSameAs(CapabilityOnlyExtension.INSTANCE);
    }

    @Test
    void aChildElementIsAParsingError() throws Exception {
        XmlPullParser hostile = parser(
                "<capability-only xmlns='urn:switchboard:presence:0'><x><y/></x></capability-only>");
        assertThatThrownBy(() -> provider.parse(hostile)).isInstanceOf(SmackParsingException.class)
                .hasMessageContaining("must be empty");
    }

    private static XmlPullParser parser(String xml) throws Exception {
        XmlPullParser parser = PacketParserUtils.getParserFor(xml);
        return parser;
    }
}
