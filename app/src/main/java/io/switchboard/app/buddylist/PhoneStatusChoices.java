package io.switchboard.app.buddylist;

import io.switchboard.core.model.Address;

import java.util.LinkedHashSet;
import java.util.Set;

/** Where the contacts whose phone status the user wants to see are remembered between sessions. */
public interface PhoneStatusChoices {

    /** The chosen contacts; empty when nothing was saved or it cannot be read. */
    Set<Address> load();

    /** Remembers {@code chosen}; a failure is logged, the choice still holds for this session. */
    void save(Set<Address> chosen);

    /** Remembered for this run only: for sessions with no settings directory, and tests. */
    static PhoneStatusChoices inMemory() {
        return new PhoneStatusChoices() {
            private Set<Address> saved = new LinkedHashSet<>();

            @Override
            public synchronized Set<Address> load() {
                return new LinkedHashSet<>(saved);
            }

            @Override
            public synchronized void save(Set<Address> chosen) {
                saved = new LinkedHashSet<>(chosen);
            }
        };
    }
}
