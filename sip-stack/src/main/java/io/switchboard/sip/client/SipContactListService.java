package io.switchboard.sip.client;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.event.Listeners;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Contact;
import io.switchboard.core.model.ContactGroup;
import io.switchboard.core.model.Presence;
import io.switchboard.core.model.SubscriptionRequest;
import io.switchboard.core.model.SubscriptionState;
import io.switchboard.core.service.ContactListService;
import io.switchboard.core.service.ServiceException;
import io.switchboard.sip.presence.xcap.PresRulesManager;
import io.switchboard.sip.presence.xcap.SubHandling;
import io.switchboard.sip.presence.xcap.XcapException;
import io.switchboard.sip.presence.watch.PresenceWatcher;
import io.switchboard.sip.presence.watch.SubscriptionStatus;
import io.switchboard.sip.presence.watch.WatcherListener;
import io.switchboard.sip.presence.watchers.WatcherInfoSubscriber;
import io.switchboard.sip.presence.winfo.Watcher;
import io.switchboard.sip.presence.winfo.WatcherStatus;
import io.switchboard.core.model.InvalidAddressException;
import java.util.LinkedHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The buddy list of a SIP session, kept by this session (SIP has no roster; a server-stored list
 * over XCAP resource lists is later work): every contact is watched with a presence subscription
 * while signed in. {@code TO} when the subscription is active, awaiting approval while pending.
 * Requests from watchers come from the watcher-info subscription (RFC 3857/3858): every watcher
 * whose subscription is pending or waiting is a {@link SubscriptionRequest}. Accept and deny write
 * the rule about that watcher to the user's XCAP pres-rules (RFC 5025, ADR 0019); the request
 * goes when the watcher-info NOTIFY no longer lists the watcher as pending.
 */
final class SipContactListService implements ContactListService {

    private static final Logger LOG = LoggerFactory.getLogger(SipContactListService.class);

    private final PresenceWatcher watcher;
    private final Supplier<PresRulesManager> rules;
    private final Duration timeout;
    private final BooleanSupplier signedIn;
    private final Listeners<ContactListListener> listeners;
    private final Map<Address, Contact> contacts = new ConcurrentHashMap<>();
    /** Pending watchers from watcher-info, in the server's order; written on the events executor. */
    private final Map<Address, SubscriptionRequest> requests = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

    /**
     * @param rules the user's presence rules on their XCAP server, made when first needed (an HTTP
     *              client is not worth starting for a session that never answers a request)
     */
    SipContactListService(PresenceWatcher watcher, WatcherInfoSubscriber watchers, Supplier<PresRulesManager> rules,
                          Duration timeout, BooleanSupplier signedIn, Executor events) {
        this.watcher = Objects.requireNonNull(watcher, "watcher");
        this.rules = Objects.requireNonNull(rules, "rules");
        watchers.addListener(this::watchersChanged);
        this.timeout = timeout;
        this.signedIn = signedIn;
        this.listeners = new Listeners<>(events);
        watcher.addListener(new WatcherListener() {
            @Override
            public void presenceChanged(Address contact, Presence presence) {
                update(contact, c -> c.withPresence(presence));
            }

            @Override
            public void subscriptionChanged(Address contact, SubscriptionStatus status) {
                boolean active = status.state() == SubscriptionStatus.State.ACTIVE;
                boolean pending = status.state() == SubscriptionStatus.State.PENDING;
                update(contact, c -> new Contact(c.address(), c.displayName(), c.groups(),
                        active ? SubscriptionState.TO : SubscriptionState.NONE, pending, c.presence()));
                if (status.state() == SubscriptionStatus.State.TERMINATED
                        && status.resubscribeAfter(Duration.ZERO).isEmpty()) {
                    listeners.fire(l -> l.subscriptionRevoked(contact));
                }
            }
        });
    }

    /** Watches every contact; called at sign-in. */
    void subscribeAll() {
        contacts.keySet().forEach(address -> watcher.subscribe(address).exceptionally(failure -> null));
    }

    @Override
    public List<Contact> contacts() {
        return List.copyOf(contacts.values());
    }

    @Override
    public Optional<Contact> contact(Address address) {
        return Optional.ofNullable(contacts.get(address));
    }

    @Override
    public List<ContactGroup> groups() {
        Map<String, List<Contact>> byGroup = new TreeMap<>();
        for (Contact contact : contacts.values()) {
            Collection<String> names = contact.groups().isEmpty() ? Set.of(ContactGroup.UNGROUPED) : contact.groups();
            names.forEach(name -> byGroup.computeIfAbsent(name, n -> new ArrayList<>()).add(contact));
        }
        return byGroup.entrySet().stream().map(e -> new ContactGroup(e.getKey(), e.getValue())).toList();
    }

    @Override
    public void addContact(Address address, String displayName, Set<String> groups) throws ServiceException {
        Contact contact = new Contact(address, displayName, groups, SubscriptionState.NONE, true,
                watcher.presence(address).orElse(Presence.OFFLINE));
        Contact before = contacts.put(address, contact);
        listeners.fire(l -> {
            if (before == null) {
                l.contactAdded(contact);
            } else {
                l.contactUpdated(contact);
            }
        });
        if (signedIn.getAsBoolean()) {
            SipServiceErrors.await(watcher.subscribe(address), timeout, "subscribing to " + address);
        }
    }

    @Override
    public void removeContact(Address address) throws ServiceException {
        if (contacts.remove(address) == null) {
            return;
        }
        listeners.fire(l -> l.contactRemoved(address));
        if (signedIn.getAsBoolean()) {
            SipServiceErrors.await(watcher.unsubscribe(address), timeout, "unsubscribing from " + address);
        }
    }

    @Override
    public void renameContact(Address address, String displayName) {
        update(address, c -> c.withDisplayName(displayName));
    }

    @Override
    public void setGroups(Address address, Set<String> groups) {
        update(address, c -> c.withGroups(groups));
    }

    @Override
    public Collection<SubscriptionRequest> pendingRequests() {
        return List.copyOf(requests.values());
    }

    @Override
    public void acceptSubscription(Address from) throws ServiceException {
        answer(from, SubHandling.ALLOW, "accept");
    }

    @Override
    public void denySubscription(Address from) throws ServiceException {
        answer(from, SubHandling.BLOCK, "deny");
    }

    /** Blocking, bounded by the XCAP client's timeout: one PUT of the rule about {@code from}. */
    private void answer(Address from, SubHandling handling, String verb) throws ServiceException {
        if (!signedIn.getAsBoolean()) {
            throw new ServiceException("Not signed in: cannot " + verb + " " + from);
        }
        PresRulesManager manager = rules.get();
        try {
            manager.answer(from, handling);
        } catch (XcapException e) {
            String where = "the presence rules server (XCAP) at " + manager.xcapRoot();
            String why = switch (e.status()) {
                case 0 -> "Cannot reach " + where + ": " + e.getMessage();
                case 401 -> where + " did not accept your SIP user name and password";
                case 403 -> where + " does not let this account change its presence rules";
                case 404 -> where + " does not serve presence rules (is its XCAP root right?)";
                default -> e.getMessage();
            };
            throw new ServiceException("Could not " + verb + " " + from + ". " + why, e);
        }
    }

    /** On the events executor: the watcher-info documents changed; pending and waiting watchers ask. */
    private void watchersChanged(List<Watcher> watchers) {
        Map<Address, SubscriptionRequest> now = new LinkedHashMap<>();
        for (Watcher w : watchers) {
            if (w.status() != WatcherStatus.PENDING && w.status() != WatcherStatus.WAITING) {
                continue;
            }
            try {
                Address from = Address.fromSipUri(w.uri());
                now.putIfAbsent(from, new SubscriptionRequest(from, ""));
            } catch (InvalidAddressException e) {
                LOG.debug("watcher {} is not a SIP address we can show: {}", w.uri(), e.getMessage());
            }
        }
        Map<Address, SubscriptionRequest> before = Map.copyOf(requests);
        requests.keySet().retainAll(now.keySet());
        requests.putAll(now);
        now.forEach((from, request) -> {
            if (!before.containsKey(from)) {
                listeners.fire(l -> l.subscriptionRequested(request));
            }
        });
        // answered from an XMPP client of the same account, or the watcher gave up
        before.keySet().stream().filter(from -> !now.containsKey(from))
                .forEach(from -> listeners.fire(l -> l.subscriptionRequestSettled(from)));
    }

    @Override
    public ListenerRegistration addListener(ContactListListener listener) {
        return listeners.add(listener);
    }

    private void update(Address address, java.util.function.UnaryOperator<Contact> change) {
        Contact updated = contacts.computeIfPresent(address, (a, c) -> change.apply(c));
        if (updated != null) {
            listeners.fire(l -> l.contactUpdated(updated));
        }
    }
}
