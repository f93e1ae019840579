package io.switchboard.directory;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which LDAP attributes mean what in one kind of directory: OpenLDAP's inetOrgPerson or Active
 * Directory's user. Chosen by configuration ({@link #forName}); a deployment with other names
 * builds its own.
 *
 * @param personFilter    the filter that selects people, e.g. {@code (objectClass=inetOrgPerson)}
 * @param uniqueId        the stable id of an entry (entryUUID, objectGUID)
 * @param username        the sign-in name (uid, sAMAccountName)
 * @param modified        when an entry last changed (modifyTimestamp, whenChanged)
 * @param searched        the attributes type-ahead text is matched against, by prefix
 */
public record AttributeProfile(String name, String personFilter, String uniqueId, String username,
                               String displayName, String commonName, String mail, String title,
                               String department, String workPhone, String mobilePhone, String photo,
                               String modified, List<String> searched) {

    public static final AttributeProfile OPENLDAP = new AttributeProfile("openldap",
            "(objectClass=inetOrgPerson)", "entryUUID", "uid", "displayName", "cn", "mail", "title", "ou",
            "telephoneNumber", "mobile", "jpegPhoto", "modifyTimestamp",
            List.of("cn", "displayName", "uid", "mail", "sn", "givenName", "telephoneNumber"));

    public static final AttributeProfile ACTIVE_DIRECTORY = new AttributeProfile("active-directory",
            "(&(objectCategory=person)(objectClass=user))", "objectGUID", "sAMAccountName", "displayName", "cn",
            "mail", "title", "department", "telephoneNumber", "mobile", "thumbnailPhoto", "whenChanged",
            List.of("cn", "displayName", "sAMAccountName", "userPrincipalName", "mail", "sn", "givenName",
                    "telephoneNumber"));

    public AttributeProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(personFilter, "personFilter");
        searched = List.copyOf(searched);
    }

    /** "openldap" or "active-directory" (also "ad"), as configuration names them. */
    public static AttributeProfile forName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "openldap", "inetorgperson" -> OPENLDAP;
            case "active-directory", "activedirectory", "ad" -> ACTIVE_DIRECTORY;
            default -> throw new IllegalArgumentException("No attribute profile " + name
                    + "; choose openldap or active-directory");
        };
    }
}
