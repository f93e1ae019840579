package io.switchboard.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 3994 documents: the RFC's own examples, our writer's output, and hostile input. */
class IsComposingCodecTest {

    /** RFC 3994 §6, first example: composing text, refresh promised within 90 s. */
    static final String RFC_ACTIVE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <isComposing xmlns="urn:ietf:params:xml:ns:im-iscomposing"
              xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
              xsi:schemaLocation="urn:ietf:params:xml:ns:im-composing
                iscomposing.xsd">
              <state>active</state>
              <contenttype>text/plain</contenttype>
              <refresh>90</refresh>
            </isComposing>
            """;

    /** RFC 3994 §6, second example: idle, with the time of last activity, composing audio. */
    static final String RFC_IDLE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <isComposing xmlns="urn:ietf:params:xml:ns:im-iscomposing"
              xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
              xsi:schemaLocation="urn:ietf:params:xml:ns:im-composing
                iscomposing.xsd">
              <state>idle</state>
              <lastactive>2003-01-27T10:43:00Z</lastactive>
              <contenttype>audio</contenttype>
            </isComposing>
            """;

    private final IsComposingCodec codec = new IsComposingCodec();

    @Test
    void readsTheRfcActiveExample() throws Exception {
        IsComposing parsed = codec.parse(bytes(RFC_ACTIVE));

        assertThat(parsed.state()).isEqualTo(IsComposing.State.ACTIVE);
        assertThat(parsed.contentType()).contains("text/plain");
        assertThat(parsed.refresh()).isEqualTo(OptionalInt.of(90));
        assertThat(parsed.activeTimeoutSeconds()).isEqualTo(90);
        assertThat(parsed.lastActive()).isEmpty();
    }

    @Test
    void readsTheRfcIdleExample() throws Exception {
        IsComposing parsed = codec.parse(bytes(RFC_IDLE));

        assertThat(parsed.state()).isEqualTo(IsComposing.State.IDLE);
        assertThat(parsed.lastActive()).contains(Instant.parse("2003-01-27T10:43:00Z"));
        assertThat(parsed.contentType()).contains("audio");
        assertThat(parsed.refresh()).isEmpty();
    }

    @Test
    void anActiveWithoutRefreshTimesOutAfterTheRfcDefault() throws Exception {
        IsComposing parsed = codec.parse(bytes(
                "<isComposing xmlns='urn:ietf:params:xml:ns:im-iscomposing'><state>ACTIVE</state></isComposing>"));

        assertThat(parsed.isActive()).isTrue();
        assertThat(parsed.activeTimeoutSeconds()).isEqualTo(120);
    }

    @Test
    void whatItWritesItReadsBack() throws Exception {
        IsComposing idle = new IsComposing(IsComposing.State.IDLE, Optional.of(Instant.parse("2026-12-03T10:00:00Z")),
                Optional.of("text/plain"), OptionalInt.empty());

        assertThat(codec.parse(codec.write(IsComposing.active(90)))).isEqualTo(IsComposing.active(90));
        assertThat(codec.parse(codec.write(idle))).isEqualTo(idle);
        assertThat(new String(codec.write(IsComposing.active(90)), StandardCharsets.UTF_8))
                .contains("<state>active</state>", "<refresh>90</refresh>", IsComposingCodec.NAMESPACE);
    }

    @Test
    void unknownExtensionElementsAreSkipped() throws Exception {
        IsComposing parsed = codec.parse(bytes("<isComposing xmlns='urn:ietf:params:xml:ns:im-iscomposing'>"
                + "<x:mood xmlns:x='urn:example'><x:deep/></x:mood><state>idle</state></isComposing>"));

        assertThat(parsed.state()).isEqualTo(IsComposing.State.IDLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "<isComposing xmlns='urn:ietf:params:xml:ns:im-iscomposing'></isComposing>",
        "<isComposing xmlns='urn:ietf:params:xml:ns:im-iscomposing'><state>typing</state></isComposing>",
        "<isComposing xmlns='urn:example'><state>active</state></isComposing>",
        "<isComposing xmlns='urn:ietf:params:xml:ns:im-iscomposing'><state>active</state><refresh>-5</refresh></isComposing>",
        "<isComposing xmlns='urn:ietf:params:xml:ns:im-iscomposing'><state>active</state><refresh>soon</refresh></isComposing>",
        "<isComposing xmlns='urn:ietf:params:xml:ns:im-iscomposing'><state>idle</state><lastactive>yesterday</lastactive></isComposing>",
        "<isComposing xmlns='urn:ietf:params:xml:ns:im-iscomposing'><state>active</state>",
        "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e 'active'>]><isComposing xmlns='urn:ietf:params:xml:ns:im-iscomposing'><state>&e;</state></isComposing>",
    })
    void hostileOrBrokenDocumentsAreRefused(String document) {
        assertThatThrownBy(() -> codec.parse(bytes(document)))
                .isInstanceOf(IsComposingCodec.InvalidIsComposingException.class);
    }

    @Test
    void oversizedDocumentsAreRefusedBeforeParsing() {
        String padding = " ".repeat(IsComposingCodec.MAX_BYTES);
        assertThatThrownBy(() -> codec.parse(bytes("<isComposing xmlns='urn:ietf:params:xml:ns:im-iscomposing'>"
                + padding + "<state>idle</state></isComposing>")))
                .isInstanceOf(IsComposingCodec.InvalidIsComposingException.class)
                .hasMessageContaining("larger than");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
