package io.switchboard.sip.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.model.DirectoryLocation;
import io.switchboard.core.model.PhoneNumbering;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DirectoryDocumentParserTest {

    private static final String NS = DirectoryDocument.NAMESPACE;
    private final DirectoryDocumentParser parser = new DirectoryDocumentParser();

    @Test
    void whatTheWriterWritesReadsBackIncludingCharactersXmlMustEscape() throws Exception {
        DirectoryLocation location = new DirectoryLocation("ldaps://dir.example.com:636", false,
                "ou=people,o=Smith & Sons \"<Ltd>\"", "active-directory", Optional.of("{username}@example.com"),
                Optional.of(new PhoneNumbering("GB", 4, Optional.of("+44207946"))));

        assertThat(parser.parse(new DirectoryDocumentWriter().write(location))).isEqualTo(location);
    }

    @Test
    void aLocationWithoutNumberingOrBindTemplateReadsBackWithout() throws Exception {
        DirectoryLocation location = new DirectoryLocation("ldap://127.0.0.1:10389", true, "dc=example", "openldap",
                Optional.empty());

        assertThat(parser.parse(new DirectoryDocumentWriter().write(location))).isEqualTo(location);
    }

    @Test
    void unknownElementsAreSkippedAndMalformedNumberingDetailsAreLeftOut() throws Exception {
        DirectoryLocation read = parser.parse(utf8("<directory xmlns='" + NS + "'>"
                + "<later xmlns='urn:example:future'><deep><deeper/></deep></later>"
                + "<ldap url='ldap://127.0.0.1:389' people-base='dc=example'><extra/></ldap>"
                + "<numbering region='US' extension-digits='twelve' extension-prefix='0800'/>"
                + "</directory>"));

        assertThat(read.url()).isEqualTo("ldap://127.0.0.1:389");
        assertThat(read.startTls()).isFalse();
        assertThat(read.profile()).as("OpenLDAP's names when none is said").isEqualTo("openldap");
        assertThat(read.numbering()).contains(new PhoneNumbering("US", 0, Optional.empty()));
    }

    @Test
    void aRegionThatIsNotACountryCodeMeansNoNumbering() throws Exception {
        DirectoryLocation read = parser.parse(utf8("<directory xmlns='" + NS + "'>"
                + "<ldap url='ldap://h' people-base='dc=x'/><numbering region='GBR' extension-digits='4'/></directory>"));

        assertThat(read.numbering()).isEmpty();
    }

    @Test
    void aDocumentThatNamesNoUsableDirectoryIsRefused() {
        assertRefused("<directory xmlns='" + NS + "'/>", "without <ldap>");
        assertRefused("<directory xmlns='" + NS + "'><ldap url='http://evil.example' people-base='dc=x'/></directory>",
                "no ldap:// or ldaps:// url");
        assertRefused("<directory xmlns='" + NS + "'><ldap url='ldap://h' people-base=' '/></directory>",
                "people-base");
        assertRefused("<directory xmlns='" + NS + "'><ldap url='ldap://a' people-base='dc=x'/>"
                + "<ldap url='ldap://b' people-base='dc=x'/></directory>", "two <ldap>");
    }

    @Test
    void theWrongRootOrNamespaceIsRefused() {
        assertRefused("<directory><ldap url='ldap://h' people-base='dc=x'/></directory>", "root element");
        assertRefused("<ruleset xmlns='" + NS + "'/>", "root element");
    }

    @Test
    void entitiesAreNeverExpanded() {
        assertRefused("<?xml version='1.0'?><!DOCTYPE d [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;'>]>"
                + "<directory xmlns='" + NS + "'><ldap url='ldap://h' people-base='&b;'/></directory>", "DTD");
    }

    @Test
    void malformedTruncatedOrTooLargeDocumentsAreRefused() {
        assertRefused("<directory xmlns='" + NS + "'><ldap url='ldap://h'", "malformed");
        assertRefused("", "malformed");
        assertRefused("<directory xmlns='" + NS + "'><ldap url='ldap://h' people-base='dc=x'/></directory>"
                + "<directory xmlns='" + NS + "'/>", "malformed");
        String huge = "<directory xmlns='" + NS + "'>" + "<pad/>".repeat(4_000) + "</directory>";
        assertThatThrownBy(() -> parser.parse(utf8(huge)))
                .isInstanceOf(DirectoryDocumentParseException.class).hasMessageContaining("exceeds the limit");
    }

    @Test
    void absurdNestingIsRefused() {
        String deep = "<a>".repeat(100) + "</a>".repeat(100);
        assertRefused("<directory xmlns='" + NS + "'>" + deep + "</directory>", "nested deeper");
    }

    private void assertRefused(String document, String because) {
        assertThatThrownBy(() -> parser.parse(utf8(document)))
                .isInstanceOf(DirectoryDocumentParseException.class).hasMessageContaining(because);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
