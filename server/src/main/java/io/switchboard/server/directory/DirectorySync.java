package io.switchboard.server.directory;

import io.switchboard.directory.DirectoryException;
import io.switchboard.directory.DirectoryPerson;
import io.switchboard.directory.PeopleDirectory;
import io.switchboard.server.store.DirectoryPeopleStore;
import io.switchboard.server.store.StoreException;
import io.switchboard.server.store.SyncRun;
import io.switchboard.server.store.SyncedPerson;
import io.switchboard.server.store.UserStore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Synchronises people from the directory into the server (ADR 0029). A full run reads everyone:
 * new people get an account (no credentials: they sign in with their directory password), changed
 * entries are updated, and accounts whose entry is gone are disabled — their credentials taken,
 * their roster and messages kept. An incremental run reads only entries changed since the newest
 * change seen and cannot see removals (LDAP keeps no tombstones a plain search returns), so a full
 * run comes now and then. An entry renamed in the directory keeps its account (accounts are named
 * once; someone who left and returns as a new entry gets their account back); entries whose user name
 * no address can carry, or that claim a name another live entry holds,
 * are skipped and counted. Not thread-safe: one run at a time (the caller serialises runs).
 */
public final class DirectorySync {

    private static final Logger LOG = LoggerFactory.getLogger(DirectorySync.class);
    /** People written per transaction. */
    static final int BATCH = 500;
    /** Progress is reported every this many people. */
    public static final int PROGRESS_EVERY = 1000;
    /** Directory timestamps have second precision: an incremental run looks this far back. */
    private static final long CHANGE_OVERLAP_MILLIS = 1000;

    private final PeopleDirectory directory;
    private final DirectoryPeopleStore people;
    private final UserStore users;
    private final SyncedPeople mapping;
    private final Clock clock;

    public DirectorySync(PeopleDirectory directory, DirectoryPeopleStore people, UserStore users, String domain,
                         Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.people = Objects.requireNonNull(people, "people");
        this.users = Objects.requireNonNull(users, "users");
        this.mapping = new SyncedPeople(domain);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Everyone, and who is gone. {@code progress} hears the number of people read so far. */
    public SyncRun full(IntConsumer progress) throws StoreException {
        return run(SyncRun.Kind.FULL, Optional.empty(), progress);
    }

    /** Only entries changed since the newest change seen; a full run when nothing was synchronised yet. */
    public SyncRun incremental(IntConsumer progress) throws StoreException {
        Optional<Long> newest = people.newestChange();
        if (newest.isEmpty()) {
            return full(progress);
        }
        return run(SyncRun.Kind.INCREMENTAL, Optional.of(Instant.ofEpochMilli(newest.get() - CHANGE_OVERLAP_MILLIS)),
                progress);
    }

    private SyncRun run(SyncRun.Kind kind, Optional<Instant> since, IntConsumer progress) throws StoreException {
        Instant started = clock.instant();
        Run run = new Run(people.byDirectoryId(), progress);
        Optional<String> error = Optional.empty();
        try {
            try {
                directory.forEachPerson(since, run::take);
                run.flush();
                if (kind == SyncRun.Kind.FULL) {
                    run.disableTheGone();
                }
            } catch (DirectoryException e) {
                // what was read is kept; a full run that stopped early disables nobody
                error = Optional.of(e.getMessage());
                LOG.warn("Directory sync stopped: {}", e.getMessage());
                run.flush();
            }
        } catch (UncheckedStoreException e) {
            throw e.getCause();
        }
        SyncRun result = new SyncRun(kind, started, clock.instant(), run.seen, run.added, run.updated, run.disabled,
                run.skipped, error);
        people.recordRun(result);
        LOG.info("{}", result);
        return result;
    }

    /** One run's state: what the store had, what the directory said, what is still to write. */
    private final class Run {
        private final Map<String, SyncedPerson> stored;
        private final Map<String, SyncedPerson> storedByName = new java.util.HashMap<>();
        private final IntConsumer progress;
        private final Set<String> seenIds = new HashSet<>();
        private final Set<String> namesTaken = new HashSet<>();
        private final List<SyncedPerson> toAdd = new ArrayList<>();
        private final List<SyncedPerson> toUpdate = new ArrayList<>();
        private int seen;
        private int added;
        private int updated;
        private int disabled;
        private int skipped;

        Run(Map<String, SyncedPerson> stored, IntConsumer progress) {
            this.stored = stored;
            this.progress = progress;
            stored.values().forEach(p -> {
                namesTaken.add(p.username());
                storedByName.put(p.username(), p);
            });
        }

        void take(DirectoryPerson entry) {
            if (++seen % PROGRESS_EVERY == 0) {
                progress.accept(seen);
            }
            Optional<SyncedPerson> mapped = mapping.of(entry);
            if (mapped.isEmpty()) {
                skip(entry, "its user name cannot name an account");
                return;
            }
            SyncedPerson fresh = mapped.get();
            seenIds.add(fresh.directoryId());
            SyncedPerson before = stored.get(fresh.directoryId());
            if (before == null) {
                SyncedPerson holder = storedByName.get(fresh.username());
                if (holder != null && holder.disabled()) {
                    // someone who left came back as a new entry: their account is theirs again
                    toUpdate.add(fresh);
                } else if (!namesTaken.add(fresh.username())) {
                    skip(entry, "another entry holds the user name " + fresh.username());
                    return;
                } else {
                    toAdd.add(fresh);
                }
            } else if (SyncedPeople.differs(before, fresh)) {
                // accounts are named once: a renamed entry keeps its account
                toUpdate.add(new SyncedPerson(before.username(), fresh.directoryId(), fresh.dn(), fresh.displayName(),
                        fresh.mail(), fresh.title(), fresh.department(), fresh.workPhones(), fresh.mobilePhones(),
                        fresh.modifiedAt(), false));
            }
            if (toAdd.size() + toUpdate.size() >= BATCH) {
                flush();
            }
        }

        void flush() {
            try {
                people.write(toAdd, toUpdate);
            } catch (StoreException e) {
                throw new UncheckedStoreException(e);
            }
            added += toAdd.size();
            updated += toUpdate.size();
            toAdd.clear();
            toUpdate.clear();
        }

        void disableTheGone() throws StoreException {
            List<String> gone = stored.values().stream()
                    .filter(p -> !p.disabled() && !seenIds.contains(p.directoryId()))
                    .map(SyncedPerson::username).toList();
            for (String username : gone) {
                users.removeCredentials(username);
            }
            people.disable(gone);
            disabled = gone.size();
            if (!gone.isEmpty()) {
                LOG.info("Left the directory, can no longer sign in ({}): {}", gone.size(),
                        gone.size() <= 20 ? gone : gone.subList(0, 20) + " ...");
            }
        }

        private void skip(DirectoryPerson entry, String why) {
            skipped++;
            LOG.debug("Directory entry {} skipped: {}", entry.dn(), why);
        }
    }

    /** Carries a store failure out of the directory's callback. */
    private static final class UncheckedStoreException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UncheckedStoreException(StoreException cause) {
            super(cause);
        }

        @Override
        public synchronized StoreException getCause() {
            return (StoreException) super.getCause();
        }
    }
}
