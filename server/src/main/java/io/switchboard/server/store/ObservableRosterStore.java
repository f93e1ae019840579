package io.switchboard.server.store;

import io.switchboard.core.model.Address;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A {@link RosterStore} that tells listeners whose roster changed, after the change is stored.
 * Lets other protocols react to what one protocol decided: an approval given in an XMPP client
 * turns a pending SIP watcher active (ADR 0014). Listeners are called on the writer's thread,
 * which may hold the IM layer's user locks: they must only hand work over, never block or write.
 */
public final class ObservableRosterStore implements RosterStore {

    private final RosterStore delegate;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    public ObservableRosterStore(RosterStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** {@code listener} gets the owner of every roster that changed. */
    public void addListener(Consumer<String> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public List<RosterItem> items(String owner) throws StoreException {
        return delegate.items(owner);
    }

    @Override
    public Optional<RosterItem> item(String owner, Address contact) throws StoreException {
        return delegate.item(owner, contact);
    }

    @Override
    public String version(String owner) throws StoreException {
        return delegate.version(owner);
    }

    @Override
    public String put(String owner, RosterItem item) throws StoreException {
        String version = delegate.put(owner, item);
        fire(owner);
        return version;
    }

    @Override
    public String remove(String owner, Address contact) throws StoreException {
        String version = delegate.remove(owner, contact);
        fire(owner);
        return version;
    }

    @Override
    public List<String> ownersWithContact(Address contact) throws StoreException {
        return delegate.ownersWithContact(contact);
    }

    @Override
    public void addPendingIn(String owner, Address from, String stanzaXml) throws StoreException {
        delegate.addPendingIn(owner, from, stanzaXml);
    }

    @Override
    public void removePendingIn(String owner, Address from) throws StoreException {
        delegate.removePendingIn(owner, from);
        // a request answered or withdrawn: a pending SIP watcher may now be refused (ADR 0014)
        fire(owner);
    }

    @Override
    public List<PendingSubscription> pendingIn(String owner) throws StoreException {
        return delegate.pendingIn(owner);
    }

    private void fire(String owner) {
        for (Consumer<String> listener : listeners) {
            listener.accept(owner);
        }
    }
}
