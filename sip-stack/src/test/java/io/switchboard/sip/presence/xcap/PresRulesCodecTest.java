package io.switchboard.sip.presence.xcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PresRulesCodecTest {

    private final PresRulesParser parser = new PresRulesParser();
    private final PresRulesWriter writer = new PresRulesWriter();

    @Test
    void readsTheExampleDocumentOfRfc5025() throws Exception {
        PresRules rules = parser.parse(resource("/xcap/rfc5025-example.xml"));

        assertThat(rules.rules()).hasSize(1);
        PresRule rule = rules.rules().get(0);
        assertThat(rule.id()).isEqualTo("a");
        assertThat(rule.identities()).containsExactly("sip:user@example.com");
        assertThat(rule.subHandling()).contains(SubHandling.ALLOW);
        assertThat(rule.otherConditions()).isEmpty();
    }

    @Test
    void writtenDocumentsReadBackTheSame() throws Exception {
        PresRules rules = new PresRules(List.of(
                PresRule.forWatcher("sip:bob@example.com", SubHandling.ALLOW),
                PresRule.forWatcher("sip:carol@example.com", SubHandling.BLOCK),
                new PresRule("empty", List.of(), Optional.empty(), List.of())));

        byte[] xml = writer.write(rules);

        assertThat(parser.parse(xml)).isEqualTo(rules);
        assertThat(new String(xml, StandardCharsets.UTF_8))
                .contains("<cr:ruleset xmlns:cr=\"urn:ietf:params:xml:ns:common-policy\"")
                .contains("<pr:sub-handling>allow</pr:sub-handling>")
                .contains("<pr:all-persons/>");
    }

    @Test
    void aSingleRuleIsItsOwnDocumentWithNamespaces() throws Exception {
        PresRule rule = PresRule.forWatcher("sip:bob@example.com", SubHandling.POLITE_BLOCK);

        assertThat(parser.parseRule(writer.writeRule(rule))).isEqualTo(rule);
    }

    @Test
    void conditionsOtherThanOneIdentityAreReported() throws Exception {
        String xml = """
                <ruleset xmlns="urn:ietf:params:xml:ns:common-policy">
                  <rule id="r1"><conditions>
                    <identity><many domain="example.com"/><one id="sip:a@example.com"/></identity>
                    <sphere value="work"/>
                  </conditions>
                  <actions><sub-handling xmlns="urn:ietf:params:xml:ns:pres-rules">block</sub-handling></actions></rule>
                </ruleset>""";

        PresRule rule = parser.parse(xml.getBytes(StandardCharsets.UTF_8)).rules().get(0);

        assertThat(rule.identities()).containsExactly("sip:a@example.com");
        assertThat(rule.otherConditions()).containsExactly("identity/many", "sphere");
        assertThat(rule.subHandling()).contains(SubHandling.BLOCK);
    }

    @Test
    void idsAreStableNcNamesPerWatcher() {
        assertThat(PresRule.idFor("sip:Bob@example.com")).isEqualTo(PresRule.idFor("sip:bob@example.com"))
                .matches("w[0-9a-f]{20}");
        assertThat(PresRule.idFor("sip:bob@example.com")).isNotEqualTo(PresRule.idFor("sip:bob@example.org"));
    }

    @Test
    void refusesDtdsAndEntities() {
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE r [<!ENTITY x "xxxxxxxx">]>
                <ruleset xmlns="urn:ietf:params:xml:ns:common-policy"><rule id="&x;"/></ruleset>""";

        assertThatThrownBy(() -> parser.parse(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PresRulesParseException.class).hasMessageContaining("DTD");
    }

    @Test
    void refusesWhatTheSchemasDoNotAllow() {
        assertRefused("<ruleset xmlns=\"urn:ietf:params:xml:ns:common-policy\"><rule/></ruleset>", "without id", false);
        assertRefused("<ruleset xmlns=\"urn:ietf:params:xml:ns:common-policy\"><rule id=\"a\"/><rule id=\"a\"/></ruleset>",
                "two rules", false);
        assertRefused("<ruleset xmlns=\"urn:ietf:params:xml:ns:common-policy\"><rule id=\"a\"><actions>"
                + "<sub-handling xmlns=\"urn:ietf:params:xml:ns:pres-rules\">maybe</sub-handling></actions></rule></ruleset>",
                "unknown sub-handling", false);
        assertRefused("<ruleset xmlns=\"urn:example\"/>", "root element", false);
        assertRefused("<ruleset xmlns=\"urn:ietf:params:xml:ns:common-policy\"><rule id=\"a\">", "", true);
        assertRefused("", "", true);
    }

    @Test
    void refusesBodiesOverTheLimitBeforeParsing() {
        PresRulesParser small = new PresRulesParser(100);
        byte[] big = new byte[101];

        assertThatThrownBy(() -> small.parse(big)).hasMessageContaining("exceeds the limit");
    }

    @Test
    void refusesAbsurdNesting() {
        String deep = "<x>".repeat(40) + "</x>".repeat(40);
        String xml = "<ruleset xmlns=\"urn:ietf:params:xml:ns:common-policy\"><rule id=\"a\"><transformations>"
                + deep + "</transformations></rule></ruleset>";

        assertThatThrownBy(() -> parser.parse(xml.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("nested deeper");
    }

    private void assertRefused(String xml, String message, boolean notWellFormed) {
        assertThatThrownBy(() -> parser.parse(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(PresRulesParseException.class, e -> {
                    assertThat(e.getMessage()).contains(message);
                    assertThat(e.notWellFormed()).isEqualTo(notWellFormed);
                });
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = PresRulesCodecTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
