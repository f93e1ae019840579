package io.switchboard.sip.presence.pidf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PidfParserTest {

    private final PidfParser parser = new PidfParser();

    @Test
    void rfc3863BasicExample() throws Exception {
        PidfDocument document = parser.parse(resource("rfc3863-4.1-basic.xml"));

        assertThat(document.entity()).isEqualTo("pres:someone@example.com");
        assertThat(document.tuples()).extracting(PidfTuple::id).containsExactly("bs35r9", "eg92n8");
        PidfTuple first = document.tuples().get(0);
        assertThat(first.basic()).isEqualTo(BasicStatus.OPEN);
        assertThat(first.contact()).isEqualTo("im:someone@mobilecarrier.net");
        assertThat(first.notes()).containsExactly(new PidfNote("Don't Disturb Please!", "en"),
                new PidfNote("Ne derangez pas, s'il vous plait", "fr"));
        assertThat(first.timestamp()).isEqualTo(Instant.parse("2001-10-27T16:49:29Z"));
        assertThat(document.notes()).containsExactly(PidfNote.of("I'll be in Tokyo next week"));
    }

    @Test
    void rfc3863ExtendedExampleWithPrefixesAndUnknownExtensions() throws Exception {
        PidfDocument document = parser.parse(resource("rfc3863-4.2-extended.xml"));

        assertThat(document.tuples()).extracting(PidfTuple::id).containsExactly("ck38g9", "md66je");
        assertThat(document.tuples()).extracting(PidfTuple::basic).containsExactly(BasicStatus.OPEN, BasicStatus.OPEN);
        assertThat(document.tuples().get(0).contact()).isEqualTo("tel:+09012345678");
        // the RFC breaks this contact's line inside the element: the URI is the text without the LWS
        assertThat(document.tuples().get(1).contact()).isEqualTo("im:someone@mobilecarrier.net");
        assertThat(document.notes()).isEmpty();
    }

    @Test
    void rfc4480Example() throws Exception {
        PidfDocument document = parser.parse(resource("rfc4480-appendix-rpid.xml"));

        assertThat(document.tuples()).hasSize(3);
        assertThat(document.tuples().get(0).deviceId()).isEqualTo("urn:device:0003ba4811e3");
        assertThat(document.tuples().get(0).contact()).isEqualTo("im:someone@mobile.example.net");
        PidfPerson person = document.persons().get(0);
        assertThat(person.activities()).containsExactly(RpidActivity.AWAY);
        assertThat(person.otherActivities()).as("mood's rpid:other is not an activity").isEmpty();
        assertThat(person.notes()).containsExactly(PidfNote.of("Scoring 120"));
        assertThat(person.timestamp()).isEqualTo(Instant.parse("2005-05-30T11:09:44Z"));
        assertThat(document.devices()).singleElement()
                .satisfies(device -> {
                    assertThat(device.id()).isEqualTo("pc147");
                    assertThat(device.idle()).isTrue();
                    assertThat(device.deviceId()).isEqualTo("urn:device:0003ba4811e3");
                });
    }

    @Test
    void rfc4479DataModelExample() throws Exception {
        PidfDocument document = parser.parse(resource("rfc4479-data-model.xml"));

        assertThat(document.entity()).as("the RFC's example has no entity attribute").isEmpty();
        assertThat(document.tuples()).singleElement().extracting(PidfTuple::deviceId).isEqualTo("mac:8asd7d7d70");
        assertThat(document.persons()).singleElement().extracting(PidfPerson::activities)
                .isEqualTo(java.util.Set.of(RpidActivity.ON_THE_PHONE));
        assertThat(document.devices()).singleElement().extracting(PidfDevice::idle).isEqualTo(true);
    }

    @Test
    void externalEntitiesAreRefused() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE presence [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
                <presence xmlns="urn:ietf:params:xml:ns:pidf" entity="pres:a@b">
                  <note>&xxe;</note>
                </presence>""";
        assertThatThrownBy(() -> parser.parse(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PidfParseException.class)
                .hasMessageContaining("DTD");
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE presence [ <!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        String bomb = "<?xml version=\"1.0\"?>" + dtd
                + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"pres:a@b\"><note>&lol9;</note></presence>";
        assertThatThrownBy(() -> parser.parse(bomb.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PidfParseException.class);
    }

    @Test
    void anUndeclaredEntityIsRefused() {
        String doc = "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"pres:a@b\"><note>&lol;</note></presence>";
        assertThatThrownBy(() -> parser.parse(doc.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PidfParseException.class);
    }

    @Test
    void oversizedBodiesAreRefusedBeforeParsing() {
        byte[] big = new byte[PidfParser.DEFAULT_MAX_BYTES + 1];
        assertThatThrownBy(() -> parser.parse(big))
                .isInstanceOf(PidfParseException.class)
                .hasMessageContaining("exceeds");
    }

    @Test
    void mustUnderstandExtensionsVoidTheDocument() {
        String doc = """
                <presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:x="urn:example:x" entity="pres:a@b">
                  <tuple id="t1"><status><basic>open</basic></status>
                    <x:critical mustUnderstand="true">1</x:critical></tuple>
                </presence>""";
        assertThatThrownBy(() -> parser.parse(doc.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PidfParseException.class)
                .hasMessageContaining("must-understand");
    }

    @Test
    void deepNestingIsRefused() {
        String doc = "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"pres:a@b\">"
                + "<x>".repeat(100) + "</x>".repeat(100) + "</presence>";
        assertThatThrownBy(() -> parser.parse(doc.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PidfParseException.class)
                .hasMessageContaining("deeper");
    }

    @Test
    void structuralErrorsAreClear() {
        assertThatThrownBy(() -> parser.parse("<presence entity='x'/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PidfParseException.class).hasMessageContaining("root");
        assertThatThrownBy(() -> parser.parse(("<presence xmlns='urn:ietf:params:xml:ns:pidf' entity='x'>"
                + "<tuple id='t'><status><basic>maybe</basic></status></tuple></presence>").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PidfParseException.class).hasMessageContaining("basic");
        assertThatThrownBy(() -> parser.parse("<presence".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PidfParseException.class);
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = PidfParserTest.class.getResourceAsStream("/pidf/" + name)) {
            return in.readAllBytes();
        }
    }
}
