package io.switchboard.directory;

import java.util.List;

/**
 * A search whose results come a page at a time (RFC 2696 simple paged results): it holds one
 * directory connection until it is closed or exhausted. Not thread-safe.
 */
public interface PagedSearch extends AutoCloseable {

    /** The next page; empty when there is no more. */
    List<DirectoryPerson> nextPage() throws DirectoryException;

    /** Whether {@link #nextPage} may return more. */
    boolean hasMore();

    @Override
    void close();
}
