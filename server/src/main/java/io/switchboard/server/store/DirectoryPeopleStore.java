package io.switchboard.server.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * People synchronised from the directory, next to their accounts (ADR 0029). Written in batches
 * by the synchronisation; read for status and by whoever shows a colleague's details.
 */
public interface DirectoryPeopleStore {

    /** Every synchronised person by directory id: a sync run compares the directory against it. */
    Map<String, SyncedPerson> byDirectoryId() throws StoreException;

    /**
     * Writes one batch in one transaction: {@code added} people get an account (without credentials:
     * they sign in with their directory password) unless one of that name exists, and their entry;
     * {@code updated} entries replace what was stored for their account (user name), directory id
     * included: a person who left and came back as a new entry gets their account again.
     */
    void write(Collection<SyncedPerson> added, Collection<SyncedPerson> updated) throws StoreException;

    /** Marks these accounts as gone from the directory (their credentials are the user store's to take). */
    void disable(Collection<String> usernames) throws StoreException;

    Optional<SyncedPerson> person(String username) throws StoreException;

    /** The newest directory change seen (epoch ms): where an incremental run starts. */
    Optional<Long> newestChange() throws StoreException;

    void recordRun(SyncRun run) throws StoreException;

    /** The latest runs, newest first. */
    List<SyncRun> latestRuns(int limit) throws StoreException;
}
