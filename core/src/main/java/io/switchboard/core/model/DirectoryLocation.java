package io.switchboard.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the client finds the company directory and how it reads it, as the server advertises it
 * (or the user configures it).
 *
 * @param url            {@code ldap://host:port} or {@code ldaps://host:port}
 * @param startTls       with an ldap:// URL: StartTLS first
 * @param peopleBase     where people are, e.g. {@code ou=people,dc=example,dc=com}
 * @param profile        the attribute names: "openldap" or "active-directory"
 * @param bindDnTemplate how to name the signed-in user in a bind, with {@code {username}} for their
 *                       user name (e.g. {@code uid={username},ou=people,dc=example,dc=com}, or
 *                       {@code {username}@example.com} for Active Directory); empty: read anonymously
 * @param numbering      how the directory's phone numbers are read, when the server says
 */
public record DirectoryLocation(String url, boolean startTls, String peopleBase, String profile,
                                Optional<String> bindDnTemplate, Optional<PhoneNumbering> numbering) {

    public DirectoryLocation {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(peopleBase, "peopleBase");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(bindDnTemplate, "bindDnTemplate");
        Objects.requireNonNull(numbering, "numbering");
    }

    /** A location that says nothing of phone numbers. */
    public DirectoryLocation(String url, boolean startTls, String peopleBase, String profile,
                             Optional<String> bindDnTemplate) {
        this(url, startTls, peopleBase, profile, bindDnTemplate, Optional.empty());
    }

    /**
     * A location as a server advertises it, when it is usable: an {@code ldap://} or {@code ldaps://}
     * URL and a people base; a missing profile means OpenLDAP's attribute names.
     */
    public static Optional<DirectoryLocation> advertised(Optional<String> url, boolean startTls,
                                                         Optional<String> peopleBase, Optional<String> profile,
                                                         Optional<String> bindDnTemplate,
                                                         Optional<PhoneNumbering> numbering) {
        Optional<String> ldapUrl = url.filter(u -> u.startsWith("ldap://") || u.startsWith("ldaps://"));
        Optional<String> base = peopleBase.filter(b -> !b.isBlank());
        if (ldapUrl.isEmpty() || base.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DirectoryLocation(ldapUrl.get(), startTls, base.get(), profile.orElse("openldap"),
                bindDnTemplate.filter(t -> !t.isBlank()), numbering));
    }

    /** The bind name of {@code username}, when the directory is read as the user. */
    public Optional<String> bindDnOf(String username) {
        return bindDnTemplate.map(template -> template.replace("{username}", username));
    }
}
