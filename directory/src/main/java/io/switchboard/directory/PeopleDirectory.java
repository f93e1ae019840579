package io.switchboard.directory;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The directory as Switchboard uses it: who may sign in, who is there, who has a number. One
 * implementation speaks LDAP ({@code LdapPeopleDirectory}). Thread-safe; blocking — callers keep
 * it off event loops and the FX thread.
 */
public interface PeopleDirectory extends AutoCloseable {

    /**
     * Signs {@code username} in by a simple bind with their own DN (found by a search for the
     * username) and {@code password}.
     *
     * <p>An empty password is refused without asking the directory: LDAP takes a bind with a name
     * and no password for an unauthenticated bind, which many servers let "succeed".
     *
     * @throws DirectoryInvalidCredentialsException no such user, or the wrong password (the two are
     *         not told apart, so that nobody learns who exists); never for a refused service account
     */
    DirectoryPerson authenticate(String username, char[] password) throws DirectoryException;

    /** The person who signs in as {@code username}. */
    Optional<DirectoryPerson> byUsername(String username) throws DirectoryException;

    /**
     * Type-ahead search: people any of whose searched attributes (name, username, mail, phone)
     * starts with {@code text}, the text escaped (RFC 4515), at most the configured size limit,
     * {@code pageSize} at a time (RFC 2696). Close the search to give its connection back. A blank
     * text finds nobody, without asking the directory.
     */
    PagedSearch search(String text, int pageSize) throws DirectoryException;

    /**
     * Caller lookup: people any of whose phone numbers (work or mobile) starts with {@code number},
     * as the directory's phone matching rule compares them (spaces and hyphens do not count), at most
     * {@code pageSize} at a time. A number without digits finds nobody, without asking the directory.
     */
    PagedSearch searchByPhone(String number, int pageSize) throws DirectoryException;

    /**
     * Every person (or every one changed since {@code changedSince}), read page by page, for
     * synchronisation; no size limit. Fails rather than stop early when the directory cuts the search
     * short (its own size limit): a caller may take the people it was given for everyone.
     */
    void forEachPerson(Optional<Instant> changedSince, Consumer<DirectoryPerson> each) throws DirectoryException;

    @Override
    void close();
}
