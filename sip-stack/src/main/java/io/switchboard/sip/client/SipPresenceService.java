package io.switchboard.sip.client;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.event.Listeners;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Availability;
import io.switchboard.core.model.Capability;
import io.switchboard.core.model.DevicePresence;
import io.switchboard.core.model.Presence;
import io.switchboard.core.service.NotConnectedException;
import io.switchboard.core.service.PresenceService;
import io.switchboard.core.service.ServiceException;
import io.switchboard.sip.presence.publish.PresencePublisher;
import io.switchboard.sip.presence.watch.PresenceWatcher;
import io.switchboard.sip.presence.watch.WatcherListener;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * My presence published with PUBLISH (PIDF from this device), my contacts' presence from the
 * watcher's NOTIFYs. Events go out on the session's serial executor.
 */
final class SipPresenceService implements PresenceService {

    private final PresencePublisher publisher;
    private final PresenceWatcher watcher;
    private final String device;
    private final Clock clock;
    private final Duration timeout;
    private final BooleanSupplier signedIn;
    private final Listeners<PresenceListener> listeners;
    private volatile Availability ownAvailability = Availability.AVAILABLE;
    private volatile String ownNote = "";

    SipPresenceService(PresencePublisher publisher, PresenceWatcher watcher, String device, Clock clock,
                       Duration timeout, BooleanSupplier signedIn, Executor events) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.watcher = Objects.requireNonNull(watcher, "watcher");
        this.device = device;
        this.clock = clock;
        this.timeout = timeout;
        this.signedIn = signedIn;
        this.listeners = new Listeners<>(events);
        watcher.addListener(new WatcherListener() {
            @Override
            public void presenceChanged(Address contact, Presence presence) {
                listeners.fire(listener -> listener.presenceChanged(contact, presence));
            }
        });
    }

    /** Publishes at once when signed in; otherwise remembered and published at sign-in. */
    @Override
    public void setOwnPresence(Availability availability, String note) throws ServiceException {
        Objects.requireNonNull(availability, "availability");
        if (availability == Availability.OFFLINE) {
            throw new IllegalArgumentException("OFFLINE is not a presence to publish: sign out instead");
        }
        ownAvailability = availability;
        ownNote = note == null ? "" : note;
        if (signedIn.getAsBoolean()) {
            publish();
        }
    }

    /** Publishes the current own presence; also called at sign-in. */
    void publish() throws ServiceException {
        if (!signedIn.getAsBoolean()) {
            throw new NotConnectedException("not signed in: presence not published");
        }
        SipServiceErrors.await(publisher.publish(ownPresence()), timeout, "publishing your presence");
    }

    @Override
    public Presence ownPresence() {
        DevicePresence me = new DevicePresence(device, ownAvailability, ownNote, 0, Set.of(Capability.IM),
                clock.instant());
        return new Presence(ownAvailability, ownNote, List.of(me), me.capabilities());
    }

    @Override
    public Presence presenceOf(Address contact) {
        return watcher.presence(contact).orElse(Presence.OFFLINE);
    }

    @Override
    public ListenerRegistration addListener(PresenceListener listener) {
        return listeners.add(listener);
    }
}
