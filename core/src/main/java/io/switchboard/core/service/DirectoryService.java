package io.switchboard.core.service;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.DirectoryEntry;

import java.util.Optional;

/**
 * The company directory as the client uses it: find colleagues by name, user name, mail or number,
 * read a contact card, and name an incoming caller. Blocking (the directory answers over the
 * network): never call it on a UI thread. Failures are {@link NotConnectedException} (the directory
 * cannot be reached), {@link NoResponseException} (it stopped answering) or
 * {@link PeerRefusedException} (it refused the request).
 */
public interface DirectoryService extends AutoCloseable {

    /**
     * Type-ahead search: people whose name, user name, mail or number starts with {@code text}
     * (any characters are searched for as they are, never as filter syntax). Results come a page
     * at a time; close the search when done (a new search for the next keystroke, for example).
     */
    DirectorySearch search(String text) throws ServiceException;

    /** The directory entry of {@code person}, if the directory has one. */
    Optional<DirectoryEntry> entry(Address person) throws ServiceException;

    /** Who has {@code number} (as a caller's number arrives: E.164, national, an extension), if anyone. */
    Optional<DirectoryEntry> byPhoneNumber(String number) throws ServiceException;

    @Override
    void close();
}
