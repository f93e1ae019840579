package io.switchboard.server.store;

/** The voice mailboxes' counts per local user. Usernames are local parts of existing users. */
public interface VoiceMailboxStore {

    /** The user's mailbox; {@link VoiceMailbox#EMPTY} when nothing was ever set. */
    VoiceMailbox mailbox(String username) throws StoreException;

    /**
     * Replaces the user's counts.
     *
     * @throws StoreException when there is no such user, or the database fails
     */
    void set(String username, VoiceMailbox mailbox) throws StoreException;
}
