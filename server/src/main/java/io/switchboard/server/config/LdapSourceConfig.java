package io.switchboard.server.config;

/**
 * An external LDAP directory (OpenLDAP, Active Directory) people are read from.
 *
 * @param url                 {@code ldap://host:389} or {@code ldaps://host:636}
 * @param startTls            with an {@code ldap://} URL: StartTLS before anything else (recommended
 *                            whenever the directory is not on this machine)
 * @param peopleBase          where people are, e.g. {@code ou=people,dc=example,dc=com}
 * @param profile             the attribute names: {@code openldap} (inetOrgPerson) or {@code active-directory}
 * @param bindDn              a read-only service account for search and sync; empty: anonymous
 * @param bindPasswordFile    a file holding that account's password (only the owner may read it)
 * @param trustedCertificates a PEM file of certificates to trust for TLS besides the system's (a
 *                            company CA); empty: the system's only
 * @param clientBindDnTemplate how clients name their user when they bind to search the directory, with
 *                            {@code {username}}: {@code uid={username},ou=people,dc=example,dc=com}, or
 *                            {@code {username}@example.com} for Active Directory; empty: they read anonymously
 */
public record LdapSourceConfig(String url, boolean startTls, String peopleBase, String profile, String bindDn,
                               String bindPasswordFile, String trustedCertificates, String clientBindDnTemplate) {

    public static LdapSourceConfig defaults() {
        return new LdapSourceConfig("", true, "", "openldap", "", "", "", "");
    }
}
