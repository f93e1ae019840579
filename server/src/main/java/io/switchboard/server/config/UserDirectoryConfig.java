package io.switchboard.server.config;

import io.switchboard.core.model.PhoneNumbering;

import java.util.Optional;

/**
 * Where the server's people come from, and whose password counts at sign-in (ADR 0029).
 *
 * @param source              NONE: only the server's own users (created by the admin CLI or the demo);
 *                            EMBEDDED: the server's own in-memory directory with the demo organisation, on
 *                            {@code bindHost:embeddedPort}; LDAP: an external directory ({@code ldap}).
 *                            With a directory, users sign in with their directory password
 * @param bindHost            where the embedded directory listens; 127.0.0.1 keeps it on this machine
 * @param embeddedPort        the embedded directory's LDAP port; 0 picks a free one (tests)
 * @param ldap                the external directory, for {@code source: LDAP}
 * @param syncIntervalMinutes how often users are synchronised from the directory (incrementally); 0: never
 * @param phoneRegion         where numbers written without a country code are (ISO 3166, e.g. GB)
 * @param extensionDigits     how many digits internal extensions have (0: none)
 * @param extensionPrefix     the E.164 prefix that makes an extension a full number (+1408555 and 1001:
 *                            +14085551001); empty: extensions have no outside number
 */
public record UserDirectoryConfig(Source source, String bindHost, int embeddedPort, LdapSourceConfig ldap,
                                  int syncIntervalMinutes, String phoneRegion, int extensionDigits,
                                  String extensionPrefix) {

    /** Where people come from. */
    public enum Source { NONE, EMBEDDED, LDAP }

    public static final int DEFAULT_EMBEDDED_PORT = 10_389;

    public static UserDirectoryConfig defaults() {
        return new UserDirectoryConfig(Source.NONE, "127.0.0.1", DEFAULT_EMBEDDED_PORT, LdapSourceConfig.defaults(), 15,
                "US", 4, "");
    }

    public UserDirectoryConfig withSource(Source newSource) {
        return new UserDirectoryConfig(newSource, bindHost, embeddedPort, ldap, syncIntervalMinutes, phoneRegion,
                extensionDigits, extensionPrefix);
    }

    public UserDirectoryConfig withEmbeddedPort(int port) {
        return new UserDirectoryConfig(source, bindHost, port, ldap, syncIntervalMinutes, phoneRegion, extensionDigits,
                extensionPrefix);
    }

    public UserDirectoryConfig withLdap(LdapSourceConfig newLdap) {
        return new UserDirectoryConfig(source, bindHost, embeddedPort, newLdap, syncIntervalMinutes, phoneRegion,
                extensionDigits, extensionPrefix);
    }

    /** How clients read the directory's numbers. */
    public PhoneNumbering numbering() {
        return new PhoneNumbering(phoneRegion, extensionDigits,
                extensionPrefix.isBlank() ? Optional.empty() : Optional.of(extensionPrefix));
    }

    /** Whether users sign in with a directory password rather than one the server keeps. */
    public boolean directoryPasswords() {
        return source != Source.NONE;
    }
}
