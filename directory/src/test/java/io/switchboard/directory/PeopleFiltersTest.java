package io.switchboard.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.directory.api.ldap.model.filter.FilterParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The filters sent to the directory, as text: every user-supplied value escaped (RFC 4515). */
class PeopleFiltersTest {

    private static final AttributeProfile NAMES_ONLY = new AttributeProfile("test", "(objectClass=inetOrgPerson)",
            "entryUUID", "uid", "displayName", "cn", "mail", "title", "ou", "telephoneNumber", "mobile", "jpegPhoto",
            "modifyTimestamp", List.of("cn", "uid"));

    private final PeopleFilters filters = new PeopleFilters(NAMES_ONLY);

    @Test
    void typeAheadIsAPrefixMatchOnEverySearchedAttributeWithinThePersonFilter() {
        assertThat(typeAhead("  ann ")).isEqualTo("(&(objectClass=inetOrgPerson)(|(cn=ann*)(uid=ann*)))");
    }

    @Test
    void typeAheadEscapesAsterisksAndBrackets() {
        assertThat(typeAhead("a*)(uid=*"))
                .isEqualTo("(&(objectClass=inetOrgPerson)(|(cn=a\\2A\\29\\28uid=\\2A*)(uid=a\\2A\\29\\28uid=\\2A*)))");
    }

    @Test
    void typeAheadEscapesBackslashesEvenBeforeHexDigits() {
        // FilterEncoder 2.1.7 would pass "\2a" through as an escape, and turn "a\b" into "a\5C"
        assertThat(typeAhead("\\2a")).contains("(cn=\\5C2a*)");
        assertThat(typeAhead("a\\b")).contains("(cn=a\\5Cb*)");
        assertThat(typeAhead("\\")).contains("(cn=\\5C*)");
    }

    @Test
    void typeAheadEscapesNul() {
        assertThat(typeAhead("a\u0000b")).contains("(cn=a\\00b*)");
    }

    @Test
    void typeAheadKeepsNonAsciiAsItIs() {
        assertThat(typeAhead("Zoë")).contains("(cn=Zoë*)");
    }

    @Test
    void everyTypeAheadFilterParsesBackToTheSameFilter() throws ParseException {
        for (String text : List.of("a*)(uid=*", "\\2a", "a\u0000b", "(x*)", "Zoë", "\\")) {
            String filter = typeAhead(text);
            assertThat(FilterParser.parse(filter).toString()).isEqualTo(filter);
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n"})
    void blankTypeAheadHasNoFilter(String text) {
        assertThat(filters.typeAhead(text)).isEmpty();
    }

    @Test
    void phoneAttributesAreSearchedOnlyForTextWithDigits() {
        PeopleFilters openLdap = new PeopleFilters(AttributeProfile.OPENLDAP);

        assertThat(openLdap.typeAhead(")").orElseThrow().toString()).doesNotContain("telephoneNumber");
        assertThat(openLdap.typeAhead("555 01").orElseThrow().toString()).contains("(telephoneNumber=555 01*)");
    }

    @Test
    void aCallersNumberIsAPrefixMatchOnTheWorkAndMobileNumbersOnly() {
        // the searched attributes (cn, uid) are for type-ahead; a caller's number is looked for in their phones
        assertThat(filters.byPhone(" +447700900108 ").orElseThrow().toString()).isEqualTo(
                "(&(objectClass=inetOrgPerson)(|(telephoneNumber=+447700900108*)(mobile=+447700900108*)))");
        assertThat(filters.byPhone("1*)(uid=*").orElseThrow().toString()).contains("(mobile=1\\2A\\29\\28uid=\\2A*)");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", ")", "+ -"})
    void aNumberWithoutDigitsHasNoFilter(String number) {
        assertThat(filters.byPhone(number)).isEmpty();
    }

    @Test
    void theUsernameIsAnEscapedEqualityWithinThePersonFilter() {
        assertThat(filters.byUsername("jdoe").toString()).isEqualTo("(&(objectClass=inetOrgPerson)(uid=jdoe))");
        assertThat(filters.byUsername("*").toString()).isEqualTo("(&(objectClass=inetOrgPerson)(uid=\\2A))");
        assertThat(filters.byUsername("x)(uid=*").toString())
                .isEqualTo("(&(objectClass=inetOrgPerson)(uid=x\\29\\28uid=\\2A))");
        assertThat(filters.byUsername("a\u0000").toString()).contains("\\00");
    }

    @Test
    void activeDirectoryFiltersUseItsNames() {
        PeopleFilters ad = new PeopleFilters(AttributeProfile.ACTIVE_DIRECTORY);

        assertThat(ad.byUsername("JDoe").toString())
                .isEqualTo("(&(&(objectCategory=person)(objectClass=user))(sAMAccountName=JDoe))");
        assertThat(ad.everyone(Optional.of(Instant.parse("2025-03-04T05:06:07.890Z"))).toString())
                .isEqualTo("(&(&(objectCategory=person)(objectClass=user))(whenChanged>=20250304050607Z))");
    }

    @Test
    void everyoneIsThePersonFilter() {
        assertThat(filters.everyone(Optional.empty()).toString()).isEqualTo("(objectClass=inetOrgPerson)");
        assertThat(filters.everyone(Optional.of(Instant.parse("2024-12-31T23:59:59Z"))).toString())
                .isEqualTo("(&(objectClass=inetOrgPerson)(modifyTimestamp>=20241231235959Z))");
    }

    @Test
    void aPersonFilterThatIsNoFilterIsRefused() {
        AttributeProfile broken = new AttributeProfile("broken", "objectClass=person", "entryUUID", "uid", null, "cn",
                null, null, null, null, null, null, "modifyTimestamp", List.of("cn"));

        assertThatThrownBy(() -> new PeopleFilters(broken)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("objectClass=person");
    }

    private String typeAhead(String text) {
        return filters.typeAhead(text).orElseThrow().toString();
    }
}
