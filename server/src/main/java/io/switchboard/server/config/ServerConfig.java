package io.switchboard.server.config;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.InvalidAddressException;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the server reads from {@code server.yaml}. Loaded by {@link ServerConfigFile};
 * {@link #defaults()} is what a first start writes.
 *
 * @param domain          the XMPP domain users belong to ({@code alice@<domain>}); also the
 *                        certificate's subject
 * @param c2s             the client listener
 * @param database        the store
 * @param offlineMessages offline message storage
 * @param demo            demo data
 * @param sip             the SIP listener; the domain is also the SIP domain and digest realm
 * @param xcap            the XCAP server for SIP clients' presence rules (same users and realm as SIP)
 * @param directory       where people come from (none, the embedded directory, an LDAP directory)
 */
public record ServerConfig(String domain, C2sConfig c2s, DatabaseConfig database,
                           OfflineConfig offlineMessages, DemoConfig demo, SipConfig sip, XcapConfig xcap,
                           UserDirectoryConfig directory) {

    /**
     * "localhost" rather than a made-up name such as "switchboard.local": a client given just
     * {@code alice@localhost} connects to 127.0.0.1 without DNS SRV records or a host override,
     * the generated certificate names it so host-name checks pass, and ".local" names would
     * send resolvers into multicast DNS.
     */
    public static final String DEFAULT_DOMAIN = "localhost";

    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_DOMAIN, C2sConfig.defaults(), DatabaseConfig.defaults(),
                OfflineConfig.defaults(), DemoConfig.defaults(), SipConfig.defaults(),
                XcapConfig.defaults(), UserDirectoryConfig.defaults());
    }

    /** The XMPP client port. */
    public ServerConfig withPort(int port) {
        return new ServerConfig(domain, c2s.withPort(port), database, offlineMessages, demo, sip, xcap, directory);
    }

    public ServerConfig withDemoUsers(boolean seed) {
        return new ServerConfig(domain, c2s, database, offlineMessages, demo.withSeedUsers(seed), sip, xcap, directory);
    }

    public ServerConfig withDemoBots(boolean enabled) {
        return new ServerConfig(domain, c2s, database, offlineMessages, demo.withBots(enabled), sip, xcap, directory);
    }

    public ServerConfig withSip(SipConfig newSip) {
        return new ServerConfig(domain, c2s, database, offlineMessages, demo, newSip, xcap, directory);
    }

    /** The SIP port (UDP and TCP). */
    public ServerConfig withSipPort(int port) {
        return withSip(sip.withPort(port));
    }

    /** SIP over TLS on {@code port} (0: a free one, for tests). */
    public ServerConfig withSipTlsPort(int port) {
        return withSip(sip.withTls(true, port));
    }

    public ServerConfig withXcap(XcapConfig newXcap) {
        return new ServerConfig(domain, c2s, database, offlineMessages, demo, sip, newXcap, directory);
    }

    /** The XCAP port. */
    public ServerConfig withXcapPort(int port) {
        return withXcap(xcap.withPort(port));
    }

    public ServerConfig withDirectory(UserDirectoryConfig newDirectory) {
        return new ServerConfig(domain, c2s, database, offlineMessages, demo, sip, xcap, newDirectory);
    }

    /** Checks ranges and formats; the exception names every bad setting by its key in the file. */
    public void validate() throws ConfigException {
        List<String> problems = new ArrayList<>();
        try {
            Address.of("x", domain);
        } catch (InvalidAddressException e) {
            problems.add("domain: " + e.getMessage());
        }
        if (c2s.bindHost() == null || c2s.bindHost().isBlank()) {
            problems.add("c2s.bind-host: must name an address, e.g. 127.0.0.1 (or 0.0.0.0 for all interfaces)");
        }
        if (c2s.port() < 0 || c2s.port() > 65_535) {
            problems.add("c2s.port: " + c2s.port() + " is not a TCP port (0-65535)");
        }
        if (c2s.maxStanzaBytes() < 10_000 || c2s.maxStanzaBytes() > 1_000_000) {
            problems.add("c2s.max-stanza-bytes: " + c2s.maxStanzaBytes()
                    + " is outside 10000-1000000 (RFC 6120 asks servers to accept at least 10000)");
        }
        if (c2s.authTimeoutSeconds() < 1) {
            problems.add("c2s.auth-timeout-seconds: must be at least 1");
        }
        if (c2s.idleTimeoutSeconds() < 1) {
            problems.add("c2s.idle-timeout-seconds: must be at least 1");
        }
        if (!database.isEmbedded() && !database.url().startsWith("jdbc:")) {
            problems.add("database.url: '" + database.url() + "' is not a JDBC URL (jdbc:...); leave it empty for the embedded database");
        }
        if (database.maximumPoolSize() < 2) {
            problems.add("database.maximum-pool-size: must be at least 2");
        }
        if (offlineMessages.quotaPerUser() < 0) {
            problems.add("offline-messages.quota-per-user: must not be negative");
        }
        validateSip(problems);
        validateXcap(problems);
        validateDirectory(problems);
        if (!problems.isEmpty()) {
            throw new ConfigException("Invalid settings: " + String.join("; ", problems));
        }
    }

    private void validateDirectory(List<String> problems) {
        if (directory.embeddedPort() < 0 || directory.embeddedPort() > 65_535) {
            problems.add("directory.embedded-port: " + directory.embeddedPort() + " is not a TCP port (0-65535)");
        }
        if (directory.syncIntervalMinutes() < 0) {
            problems.add("directory.sync-interval-minutes: must not be negative");
        }
        if (!java.util.Set.of(java.util.Locale.getISOCountries())
                .contains(directory.phoneRegion().toUpperCase(java.util.Locale.ROOT))) {
            problems.add("directory.phone-region: '" + directory.phoneRegion() + "' is no ISO 3166 country code (e.g. GB, US)");
        }
        if (directory.extensionDigits() < 0 || directory.extensionDigits() > 8) {
            problems.add("directory.extension-digits: " + directory.extensionDigits() + " is outside 0-8");
        }
        if (!directory.extensionPrefix().isBlank() && !directory.extensionPrefix().matches("\\+[1-9][0-9]{0,13}")) {
            problems.add("directory.extension-prefix: '" + directory.extensionPrefix()
                    + "' is no E.164 prefix (+ and digits, e.g. +1408555)");
        }
        if (directory.source() == UserDirectoryConfig.Source.LDAP) {
            LdapSourceConfig ldap = directory.ldap();
            if (!ldap.url().startsWith("ldap://") && !ldap.url().startsWith("ldaps://")) {
                problems.add("directory.ldap.url: '" + ldap.url() + "' is not an ldap:// or ldaps:// URL");
            }
            if (ldap.peopleBase().isBlank()) {
                problems.add("directory.ldap.people-base: must name where people are, e.g. ou=people,dc=example,dc=com");
            }
            if (!ldap.profile().equalsIgnoreCase("openldap") && !ldap.profile().equalsIgnoreCase("active-directory")) {
                problems.add("directory.ldap.profile: '" + ldap.profile() + "' is neither openldap nor active-directory");
            }
            if (!ldap.bindDn().isBlank() && ldap.bindPasswordFile().isBlank()) {
                problems.add("directory.ldap.bind-password-file: needed with a bind-dn");
            }
        }
    }

    private void validateXcap(List<String> problems) {
        if (xcap.bindHost() == null || xcap.bindHost().isBlank()) {
            problems.add("xcap.bind-host: must name an address, e.g. 127.0.0.1 (or 0.0.0.0 for all interfaces)");
        }
        if (xcap.port() < 0 || xcap.port() > 65_535) {
            problems.add("xcap.port: " + xcap.port() + " is not a TCP port (0-65535)");
        }
        if (xcap.maxDocumentBytes() < 4_096 || xcap.maxDocumentBytes() > 1_048_576) {
            problems.add("xcap.max-document-bytes: " + xcap.maxDocumentBytes() + " is outside 4096-1048576");
        }
    }

    private void validateSip(List<String> problems) {
        if (sip.host() == null || sip.host().isBlank() || "0.0.0.0".equals(sip.host()) || "::".equals(sip.host())) {
            problems.add("sip.host: must name one address, e.g. 127.0.0.1 (SIP writes it into every message, so not 0.0.0.0)");
        }
        if (sip.port() < 0 || sip.port() > 65_535) {
            problems.add("sip.port: " + sip.port() + " is not a port (0-65535)");
        }
        if (sip.transports().isEmpty()) {
            problems.add("sip.udp/sip.tcp/sip.tls: enable at least one transport");
        }
        if (sip.tls() && (sip.tlsPort() < 0 || sip.tlsPort() > 65_535)) {
            problems.add("sip.tls-port: " + sip.tlsPort() + " is not a port (0-65535)");
        }
        if (sip.tls() && sip.tcp() && sip.tlsPort() != 0 && sip.tlsPort() == sip.port()) {
            problems.add("sip.tls-port: " + sip.tlsPort() + " is sip.port too; TLS and TCP need ports of their own");
        }
        if (sip.maxMessageBytes() < 4_096 || sip.maxMessageBytes() > 65_535) {
            problems.add("sip.max-message-bytes: " + sip.maxMessageBytes() + " is outside 4096-65535");
        }
        if (sip.rateLimit() == null || sip.rateLimit().requests() < 1 || sip.rateLimit().windowSeconds() < 1
                || sip.rateLimit().key() == null) {
            problems.add("sip.rate-limit: requests and window-seconds must be at least 1, key ADDRESS or ADDRESS_AND_PORT");
        }
        if (sip.minExpiresSeconds() < 1 || sip.maxExpiresSeconds() < sip.minExpiresSeconds()) {
            problems.add("sip.min-expires-seconds/max-expires-seconds: need 1 <= min <= max");
        }
        if (sip.maxPendingRequests() < 1) {
            problems.add("sip.max-pending-requests: " + sip.maxPendingRequests() + " must be at least 1");
        }
        if (sip.notifyIntervalMillis() < 0) {
            problems.add("sip.notify-interval-millis: must not be negative");
        }
    }
}
