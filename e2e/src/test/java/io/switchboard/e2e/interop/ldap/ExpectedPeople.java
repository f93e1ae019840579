package io.switchboard.e2e.interop.ldap;

import io.switchboard.bench.ldap.DirectoryPeople.Person;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Who a type-ahead search for a text without digits must find among seeded people, computed
 * without a directory: everyone one of whose searched attributes (cn, displayName, uid, mail, sn,
 * givenName: the OpenLDAP profile's, phones only for texts with digits) starts with the text,
 * compared case-insensitively as their matching rules do. A test oracle: it knows the seeded
 * values have single spaces, so the rules' space folding changes nothing.
 */
final class ExpectedPeople {

    private ExpectedPeople() {
    }

    static Set<String> uidsMatching(List<Person> people, String text) {
        if (text.chars().anyMatch(Character::isDigit)) {
            throw new IllegalArgumentException("the oracle does not model telephoneNumber matching: " + text);
        }
        String prefix = text.strip().toLowerCase(Locale.ROOT);
        return people.stream()
                // cn and displayName: the LDIF writes the cn into both
                .filter(p -> Stream.of(p.cn(), p.uid(), p.mail(), p.sn(), p.givenName())
                        .anyMatch(value -> value.toLowerCase(Locale.ROOT).startsWith(prefix)))
                .map(Person::uid)
                .collect(Collectors.toSet());
    }
}
