package io.switchboard.app.sip;

import java.util.Set;
import java.util.TreeSet;

/**
 * One buddy of a SIP account as kept on disk: who, the name the user gave, the groups. Presence
 * and subscription state are not kept: they come fresh from the network after sign-in.
 */
public record SavedBuddy(String address, String displayName, Set<String> groups) {

    public SavedBuddy {
        address = address == null ? "" : address;
        displayName = displayName == null ? "" : displayName;
        // sorted, so equal lists compare equal and the file does not change for nothing
        groups = groups == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(groups));
    }
}
