package io.switchboard.directory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One person in the directory, read through an {@link AttributeProfile}: who they are and how to
 * reach them. Phone numbers are as the directory spells them; {@link PhoneNumbers} normalises them.
 *
 * @param dn          the entry's distinguished name
 * @param uniqueId    the directory's stable id of the entry (entryUUID, objectGUID): survives renames
 * @param username    the sign-in name (uid, sAMAccountName), lower-cased
 * @param modified    when the entry last changed (modifyTimestamp, whenChanged), if the directory says
 */
public record DirectoryPerson(String dn, String uniqueId, String username, String displayName,
                              Optional<String> mail, Optional<String> title, Optional<String> department,
                              List<String> workPhones, List<String> mobilePhones, Optional<byte[]> photo,
                              Optional<Instant> modified) {

    public DirectoryPerson {
        Objects.requireNonNull(dn, "dn");
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(mail, "mail");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(department, "department");
        workPhones = List.copyOf(workPhones);
        mobilePhones = List.copyOf(mobilePhones);
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(modified, "modified");
    }
}
