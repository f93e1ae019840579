package io.switchboard.server.sip.mwi;

import io.switchboard.server.store.StoreException;
import io.switchboard.server.store.VoiceMailbox;
import io.switchboard.server.store.VoiceMailboxStore;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users' voice mailboxes as the message-waiting indicator sees them: counts in the
 * {@link VoiceMailboxStore}, and a change event per user so that subscribers hear of it at once.
 * The server records no voicemail; the counts are set by an administrator, the demo seed or tests
 * through {@link #set}. Thread-safe.
 */
public final class Mailboxes {

    private static final Logger LOG = LoggerFactory.getLogger(Mailboxes.class);

    private final VoiceMailboxStore store;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    public Mailboxes(VoiceMailboxStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Called with the username after each change, on the caller's thread. */
    public void addListener(Consumer<String> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public VoiceMailbox mailbox(String username) throws StoreException {
        return store.mailbox(username);
    }

    /** Replaces the user's counts and tells the listeners (the subscribers' NOTIFYs). */
    public void set(String username, VoiceMailbox mailbox) throws StoreException {
        store.set(username, mailbox);
        LOG.debug("voice mailbox of {} now {} new, {} old", username, mailbox.newMessages(), mailbox.oldMessages());
        for (Consumer<String> listener : listeners) {
            listener.accept(username);
        }
    }
}
