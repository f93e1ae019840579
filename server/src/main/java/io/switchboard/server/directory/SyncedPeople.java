package io.switchboard.server.directory;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.InvalidAddressException;
import io.switchboard.directory.DirectoryPerson;
import io.switchboard.server.store.SyncedPerson;

import java.util.List;
import java.util.Optional;

/**
 * A directory entry as the server keeps it: the user name as an address's local part, values cut
 * to what the columns hold (a directory is not trusted to keep them short).
 */
final class SyncedPeople {

    static final int MAX_PHONES = 8;
    static final int MAX_PHONE_CHARS = 64;
    static final int MAX_TEXT_CHARS = 1023;

    private final String domain;

    SyncedPeople(String domain) {
        this.domain = domain;
    }

    /** Empty when the entry's user name cannot be an account of ours (e.g. it holds a space or an @). */
    Optional<SyncedPerson> of(DirectoryPerson person) {
        String username;
        try {
            username = Address.of(person.username(), domain).local();
        } catch (InvalidAddressException e) {
            return Optional.empty();
        }
        if (person.dn().length() > 2048 || person.uniqueId().length() > 255) {
            return Optional.empty();
        }
        return Optional.of(new SyncedPerson(username, person.uniqueId(), person.dn(), cut(person.displayName()),
                person.mail().map(SyncedPeople::cut), person.title().map(SyncedPeople::cut),
                person.department().map(SyncedPeople::cut), phones(person.workPhones()),
                phones(person.mobilePhones()), person.modified().map(java.time.Instant::toEpochMilli), false));
    }

    /** Whether the entry says something other than what is stored (or brings a disabled person back). */
    static boolean differs(SyncedPerson stored, SyncedPerson fresh) {
        return stored.disabled() || !stored.equals(fresh);
    }

    private static List<String> phones(List<String> phones) {
        return phones.stream().filter(p -> !p.isBlank() && p.length() <= MAX_PHONE_CHARS && p.indexOf('\n') < 0)
                .limit(MAX_PHONES).toList();
    }

    private static String cut(String text) {
        return text.length() <= MAX_TEXT_CHARS ? text : text.substring(0, MAX_TEXT_CHARS);
    }
}
