package io.switchboard.core.service;

import io.switchboard.core.model.DirectoryEntry;

import java.util.List;

/** One directory search, read a page at a time. Not thread-safe; blocking. */
public interface DirectorySearch extends AutoCloseable {

    /** The next page of results; empty when there are no more. */
    List<DirectoryEntry> nextPage() throws ServiceException;

    /** Whether {@link #nextPage} may return more. */
    boolean hasMore();

    @Override
    void close();
}
