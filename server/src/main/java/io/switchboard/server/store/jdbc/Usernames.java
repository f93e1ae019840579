package io.switchboard.server.store.jdbc;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.InvalidAddressException;

import java.util.Optional;

/** Usernames are JID local parts: validated and case-folded by core's {@link Address} rules. */
final class Usernames {

    /** Any valid domain: only the local part is checked here. */
    private static final String ANY_DOMAIN = "example.org";

    private Usernames() {
    }

    /** The normalised name; throws {@link InvalidAddressException} saying what is wrong. */
    static String normalise(String username) {
        if (username == null) {
            throw new InvalidAddressException("username is missing");
        }
        return Address.of(username, ANY_DOMAIN).local();
    }

    /** The normalised name, or empty when it cannot name any user (hostile input from a client). */
    static Optional<String> tryNormalise(String username) {
        try {
            return Optional.of(normalise(username));
        } catch (InvalidAddressException e) {
            return Optional.empty();
        }
    }
}
