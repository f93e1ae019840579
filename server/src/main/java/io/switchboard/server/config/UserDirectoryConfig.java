package io.switchboard.server.config;

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
 */
public record UserDirectoryConfig(Source source, String bindHost, int embeddedPort, LdapSourceConfig ldap,
                                  int syncIntervalMinutes) {

    /** Where people come from. */
    public enum Source { NONE, EMBEDDED, LDAP }

    public static final int DEFAULT_EMBEDDED_PORT = 10_389;

    public static UserDirectoryConfig defaults() {
        return new UserDirectoryConfig(Source.NONE, "127.0.0.1", DEFAULT_EMBEDDED_PORT, LdapSourceConfig.defaults(), 15);
    }

    public UserDirectoryConfig withSource(Source newSource) {
        return new UserDirectoryConfig(newSource, bindHost, embeddedPort, ldap, syncIntervalMinutes);
    }

    public UserDirectoryConfig withEmbeddedPort(int port) {
        return new UserDirectoryConfig(source, bindHost, port, ldap, syncIntervalMinutes);
    }

    public UserDirectoryConfig withLdap(LdapSourceConfig newLdap) {
        return new UserDirectoryConfig(source, bindHost, embeddedPort, newLdap, syncIntervalMinutes);
    }

    /** Whether users sign in with a directory password rather than one the server keeps. */
    public boolean directoryPasswords() {
        return source != Source.NONE;
    }
}
