package io.switchboard.app.sip;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Contact;
import io.switchboard.core.model.InvalidAddressException;
import io.switchboard.core.service.ContactListService;
import io.switchboard.core.service.ContactListService.ContactListListener;
import io.switchboard.core.service.ServiceException;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a SIP session's buddy list survive restarts: {@link #restore} fills the (not yet
 * signed-in) session's list from the store (it is only local then; sign-in subscribes to every
 * entry), and afterwards every change of a name, group or entry is saved on {@code writer}.
 * Presence updates, which also arrive as "contact updated", change nothing on disk and write nothing.
 */
public final class SipBuddyListKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(SipBuddyListKeeper.class);

    private final SipBuddyListStore store;
    private final Executor writer;

    public SipBuddyListKeeper(SipBuddyListStore store, Executor writer) {
        this.store = Objects.requireNonNull(store, "store");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /**
     * Restores the saved list of {@code account} into {@code contacts} and keeps it saved from now on.
     * Call before signing in: then adding a contact sends nothing.
     */
    public ListenerRegistration restore(Address account, ContactListService contacts) {
        List<SavedBuddy> saved = store.load(account);
        for (SavedBuddy buddy : saved) {
            try {
                contacts.addContact(Address.parse(buddy.address()), buddy.displayName(), buddy.groups());
            } catch (InvalidAddressException e) {
                LOG.warn("Skipped the saved buddy '{}' of {}: {}", buddy.address(), account, e.getMessage());
            } catch (ServiceException e) {
                LOG.warn("Could not restore the buddy {} of {}: {}", buddy.address(), account, e.getMessage());
            }
        }
        LOG.info("Restored {} SIP buddies of {}", saved.size(), account);
        AtomicReference<List<SavedBuddy>> lastSaved = new AtomicReference<>(snapshot(contacts));
        Runnable changed = () -> {
            List<SavedBuddy> now = snapshot(contacts);
            if (!now.equals(lastSaved.getAndSet(now))) {
                writer.execute(() -> save(account, now));
            }
        };
        return contacts.addListener(new ContactListListener() {
            @Override
            public void contactAdded(Contact contact) {
                changed.run();
            }

            @Override
            public void contactUpdated(Contact contact) {
                changed.run();
            }

            @Override
            public void contactRemoved(Address address) {
                changed.run();
            }
        });
    }

    private void save(Address account, List<SavedBuddy> buddies) {
        try {
            store.save(account, buddies);
        } catch (IOException e) {
            LOG.warn("The SIP buddy list of {} could not be saved to {}: {}", account, store.file(account), e.toString());
        }
    }

    static List<SavedBuddy> snapshot(ContactListService contacts) {
        return contacts.contacts().stream()
                .map(c -> new SavedBuddy(c.address().toString(), c.displayName(), c.groups()))
                .sorted(Comparator.comparing(SavedBuddy::address))
                .toList();
    }
}
