package io.switchboard.server.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An account's entry as the directory last told it: what the server shows of a colleague (name,
 * title, department, phones) and what links the account to the directory across runs.
 *
 * @param directoryId the directory's stable id of the entry (entryUUID, objectGUID)
 * @param modifiedAt  when the directory last changed the entry (epoch ms), if it said
 * @param disabled    gone from the directory: cannot sign in, data kept
 */
public record SyncedPerson(String username, String directoryId, String dn, String displayName, Optional<String> mail,
                           Optional<String> title, Optional<String> department, List<String> workPhones,
                           List<String> mobilePhones, Optional<Long> modifiedAt, boolean disabled) {

    public SyncedPerson {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(directoryId, "directoryId");
        Objects.requireNonNull(dn, "dn");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(mail, "mail");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(department, "department");
        workPhones = List.copyOf(workPhones);
        mobilePhones = List.copyOf(mobilePhones);
        Objects.requireNonNull(modifiedAt, "modifiedAt");
    }

    /** The same entry, enabled or not. */
    public SyncedPerson withDisabled(boolean nowDisabled) {
        return new SyncedPerson(username, directoryId, dn, displayName, mail, title, department, workPhones,
                mobilePhones, modifiedAt, nowDisabled);
    }
}
