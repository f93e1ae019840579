package io.switchboard.core.service;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Contact;
import io.switchboard.core.model.ContactGroup;
import io.switchboard.core.model.SubscriptionRequest;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The buddy list stored on the server, and presence subscriptions in both directions. */
public interface ContactListService {

    List<Contact> contacts();

    Optional<Contact> contact(Address address);

    /** Contacts by group; a contact in several groups appears in each; ungrouped ones under {@link ContactGroup#UNGROUPED}. */
    List<ContactGroup> groups();

    /** Adds the contact to the buddy list and asks to see their presence. */
    void addContact(Address address, String displayName, Set<String> groups) throws ServiceException;

    /** Removes the contact and cancels the subscriptions both ways. */
    void removeContact(Address address) throws ServiceException;

    void renameContact(Address address, String displayName) throws ServiceException;

    /** Replaces the contact's groups (moving between groups, or drag and drop). */
    void setGroups(Address address, Set<String> groups) throws ServiceException;

    /** Requests that arrived and were neither accepted nor denied yet, also while I was offline. */
    Collection<SubscriptionRequest> pendingRequests();

    /** Lets the requester see my presence, and asks to see theirs if not already. */
    void acceptSubscription(Address from) throws ServiceException;

    void denySubscription(Address from) throws ServiceException;

    ListenerRegistration addListener(ContactListListener listener);

    /** Called on the session's event thread. */
    interface ContactListListener {
        default void contactAdded(Contact contact) {
        }

        default void contactUpdated(Contact contact) {
        }

        default void contactRemoved(Address address) {
        }

        default void subscriptionRequested(SubscriptionRequest request) {
        }

        /**
         * A pending request is gone without my answer here: answered from another client of mine,
         * or withdrawn by the requester. Lists of pending requests drop it.
         */
        default void subscriptionRequestSettled(Address from) {
        }

        /** The contact denied or cancelled my subscription to their presence. */
        default void subscriptionRevoked(Address contact) {
        }
    }
}
