package io.switchboard.server.store;

import java.util.List;
import java.util.Optional;

/**
 * Which desk lines each user may control (CTI): a line is the account a desk phone registers as,
 * assigned to one owner. Names are local parts of existing users.
 */
public interface DeskLineStore {

    /** The user the line is assigned to; empty for a line assigned to nobody or no such account. */
    Optional<String> owner(String line) throws StoreException;

    /** The lines assigned to {@code owner}, sorted. */
    List<String> linesOf(String owner) throws StoreException;

    /**
     * Assigns {@code line} to {@code owner}, replacing any earlier owner.
     *
     * @throws StoreException when either account does not exist, they are the same, or the database fails
     */
    void assign(String line, String owner) throws StoreException;

    /** Takes the line from its owner; false when it was assigned to nobody. */
    boolean unassign(String line) throws StoreException;
}
