package io.switchboard.directory;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.apache.directory.api.ldap.model.exception.LdapSchemaException;
import org.apache.directory.api.ldap.model.filter.AndNode;
import org.apache.directory.api.ldap.model.filter.EqualityNode;
import org.apache.directory.api.ldap.model.filter.ExprNode;
import org.apache.directory.api.ldap.model.filter.FilterParser;
import org.apache.directory.api.ldap.model.filter.GreaterEqNode;
import org.apache.directory.api.ldap.model.filter.OrNode;
import org.apache.directory.api.ldap.model.filter.SubstringNode;
import org.apache.directory.api.util.GeneralizedTime;

/**
 * The search filters for people, built from the LDAP API's filter nodes so that the API escapes
 * every value a user typed (RFC 4515): nothing here concatenates a value into filter text.
 *
 * <p>Not {@code FilterEncoder}: in API 2.1.7 its {@code encodeFilterValue} takes a backslash
 * followed by two hex digits as already escaped ({@code "a\bc"} stays {@code a\bc}, i.e. byte 0xBC)
 * and drops the character after a backslash followed by one ({@code "a\b"} becomes {@code a\5C}).
 * The node classes escape correctly.
 */
final class PeopleFilters {

    private final AttributeProfile profile;
    private final ExprNode personFilter;

    PeopleFilters(AttributeProfile profile) {
        this.profile = profile;
        try {
            // the profile's filter is configuration, not user input: parsed (and so checked) once
            this.personFilter = FilterParser.parse(profile.personFilter());
        } catch (ParseException e) {
            throw new IllegalArgumentException("The person filter of profile " + profile.name() + " is not an LDAP filter: "
                    + profile.personFilter(), e);
        }
    }

    /** People whose username attribute equals {@code username}. */
    ExprNode byUsername(String username) {
        return new AndNode(person(), new EqualityNode<String>(profile.username(), username));
    }

    /** People any of whose searched attributes starts with {@code text}; empty for a blank text. */
    Optional<ExprNode> typeAhead(String text) {
        if (text == null || text.isBlank() || profile.searched().isEmpty()) {
            return Optional.empty();
        }
        String prefix = text.strip();
        boolean hasDigit = prefix.chars().anyMatch(Character::isDigit);
        OrNode anyAttribute = new OrNode();
        for (String attribute : profile.searched()) {
            // a phone number's matching rule drops spaces, hyphens (and, on some servers, brackets):
            // a text without digits, ")" say, would be an empty prefix there and match everyone with a phone
            if (hasDigit || !isPhone(attribute)) {
                anyAttribute.addNode(new SubstringNode(attribute, prefix, null));
            }
        }
        if (anyAttribute.getChildren().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AndNode(person(), anyAttribute));
    }

    /**
     * People any of whose phone numbers (work or mobile) starts with {@code number}, for naming a
     * caller: a mobile is no type-ahead attribute, but a call can come from it. Empty for a text
     * without digits (the phone matching rule would make it an empty prefix, matching everyone).
     */
    Optional<ExprNode> byPhone(String number) {
        if (number == null || number.chars().noneMatch(Character::isDigit)) {
            return Optional.empty();
        }
        String prefix = number.strip();
        OrNode anyPhone = new OrNode();
        for (String attribute : new LinkedHashSet<>(List.of(profile.workPhone(), profile.mobilePhone()))) {
            if (!attribute.isBlank()) {
                anyPhone.addNode(new SubstringNode(attribute, prefix, null));
            }
        }
        if (anyPhone.getChildren().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AndNode(person(), anyPhone));
    }

    private boolean isPhone(String attribute) {
        return attribute.equalsIgnoreCase(profile.workPhone()) || attribute.equalsIgnoreCase(profile.mobilePhone())
                || attribute.equalsIgnoreCase("telephoneNumber") || attribute.equalsIgnoreCase("mobile")
                || attribute.equalsIgnoreCase("homePhone");
    }

    /** Every person, or every one whose modified attribute is at or after {@code changedSince}. */
    ExprNode everyone(Optional<Instant> changedSince) {
        if (changedSince.isEmpty()) {
            return person();
        }
        String since = new GeneralizedTime(Date.from(changedSince.get())).toGeneralizedTimeWithoutFraction();
        try {
            return new AndNode(person(), new GreaterEqNode<String>(profile.modified(), since));
        } catch (LdapSchemaException e) {
            throw new IllegalArgumentException("Profile " + profile.name() + " cannot compare " + profile.modified(), e);
        }
    }

    private ExprNode person() {
        return personFilter.clone(); // a node belongs to one tree
    }
}
