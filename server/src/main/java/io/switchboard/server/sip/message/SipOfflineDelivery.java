package io.switchboard.server.sip.message;

import io.switchboard.core.model.Address;
import io.switchboard.server.sip.registrar.Binding;
import io.switchboard.server.sip.registrar.LocationService;
import io.switchboard.server.store.StoreException;
import io.switchboard.server.xmpp.im.message.OfflineMessages;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a user's offline messages (the store XMPP uses) to their SIP contacts when they register
 * (ADR 0016): one MESSAGE at a time, oldest first, each with a Date header carrying the time the
 * server stored it; a message is deleted only after a contact answered 2xx. The first one nobody
 * takes stops the round (order is kept; the next REGISTER, or an XMPP sign-in, tries again).
 * Messages without a text body (nothing a SIP device could show) stay for XMPP. A user already
 * being served is not served twice at once. Thread-safe.
 */
public final class SipOfflineDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(SipOfflineDelivery.class);

    private final String domain;
    private final OfflineMessages offline;
    private final LocationService locations;
    private final SipPager pager;
    private final XmppImMapping mapping;
    private final Executor workers;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    public SipOfflineDelivery(String domain, OfflineMessages offline, LocationService locations, SipPager pager,
                              XmppImMapping mapping, Executor workers) {
        this.domain = Objects.requireNonNull(domain, "domain");
        this.offline = Objects.requireNonNull(offline, "offline");
        this.locations = Objects.requireNonNull(locations, "locations");
        this.pager = Objects.requireNonNull(pager, "pager");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.workers = Objects.requireNonNull(workers, "workers");
    }

    /** The user registered (or refreshed): deliver what is waiting, if anything. */
    public void registered(String user) {
        if (locations.bindings(user).isEmpty() || !running.add(user)) {
            return;
        }
        List<OfflineMessages.Pending> pending;
        try {
            pending = offline.pending(Address.of(user, domain));
        } catch (StoreException e) {
            LOG.warn("Cannot read the offline messages of {}: {}", user, e.getMessage());
            running.remove(user);
            return;
        }
        if (pending.isEmpty()) {
            running.remove(user);
            return;
        }
        LOG.debug("Delivering {} offline message(s) to the SIP contacts of {}", pending.size(), user);
        next(user, pending, 0);
    }

    private void next(String user, List<OfflineMessages.Pending> pending, int index) {
        try {
            send(user, pending, index);
        } catch (RuntimeException e) {
            // the round ends; the user must not stay marked as served forever
            LOG.error("Delivering offline messages to the SIP contacts of {} failed", user, e);
            running.remove(user);
        }
    }

    private void send(String user, List<OfflineMessages.Pending> pending, int index) {
        if (index == pending.size()) {
            running.remove(user);
            return;
        }
        OfflineMessages.Pending message = pending.get(index);
        Optional<SipIm> im = mapping.fromXmpp(message.message()).filter(SipIm::isText);
        Optional<Address> sender = mapping.sender(message.message())
                .filter(a -> a.domain().equalsIgnoreCase(domain));
        if (im.isEmpty() || sender.isEmpty()) {
            next(user, pending, index + 1);
            return;
        }
        List<Binding> bindings = locations.bindings(user);
        CompletableFuture<Boolean> sent = pager.send(bindings, sender.get().local(), user, im.get(),
                mapping.delayedSince(message.message()).or(() -> Optional.of(message.receivedAt())));
        sent.thenAcceptAsync(delivered -> {
            if (!delivered) {
                LOG.debug("Offline message {} of {} not taken by any SIP contact; kept", message.id(), user);
                running.remove(user);
                return;
            }
            delivered(user, message);
            next(user, pending, index + 1);
        }, workers);
    }

    private void delivered(String user, OfflineMessages.Pending message) {
        try {
            offline.remove(Address.of(user, domain), List.of(message.id()));
        } catch (StoreException | RuntimeException e) {
            // it stays and comes again: a duplicate rather than a loss
            LOG.warn("Could not delete delivered offline message {} of {}: {}", message.id(), user, e.getMessage());
        }
    }
}
