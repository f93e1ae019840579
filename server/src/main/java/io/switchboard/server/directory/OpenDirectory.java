package io.switchboard.server.directory;

import io.switchboard.directory.LdapPeopleDirectory;
import io.switchboard.directory.PeopleDirectory;
import io.switchboard.server.config.ConfigException;
import io.switchboard.server.config.UserDirectoryConfig;
import io.switchboard.server.demo.DemoPeople;

import java.util.Optional;

/**
 * The configured directory, open: a client for it and, when the source is the embedded
 * directory, that directory running (seeded with the demo organisation). Closing closes both.
 */
public record OpenDirectory(PeopleDirectory client, Optional<EmbeddedDirectory> embedded) implements AutoCloseable {

    /**
     * Opens the directory {@code config} names; the embedded one listens on {@code embeddedPort}
     * (the configured port for the server, 0 for a command that only reads it).
     */
    public static OpenDirectory open(UserDirectoryConfig config, String domain, int embeddedPort) throws ConfigException {
        switch (config.source()) {
            case EMBEDDED -> {
                String peopleBase = "ou=people," + EmbeddedDirectory.baseDnOf(domain);
                EmbeddedDirectory embedded;
                try {
                    embedded = EmbeddedDirectory.start(domain, config.bindHost(), embeddedPort,
                            new DemoPeople(domain, peopleBase).entries());
                } catch (DirectoryStartException e) {
                    throw new ConfigException(e.getMessage(), e);
                }
                return new OpenDirectory(LdapPeopleDirectory.create(DirectoryConnector.embedded(embedded)),
                        Optional.of(embedded));
            }
            case LDAP -> {
                return new OpenDirectory(LdapPeopleDirectory.create(DirectoryConnector.external(config.ldap())),
                        Optional.empty());
            }
            default -> throw new ConfigException("directory.source is NONE: there is no directory to open");
        }
    }

    @Override
    public void close() {
        client.close();
        embedded.ifPresent(EmbeddedDirectory::close);
    }
}
