package io.switchboard.xmpp;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.event.Listeners;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Availability;
import io.switchboard.core.model.Capability;
import io.switchboard.core.model.DevicePresence;
import io.switchboard.core.model.Presence;
import io.switchboard.core.presence.PresenceComposer;
import io.switchboard.core.service.PresenceService;
import io.switchboard.core.service.ServiceException;
import io.switchboard.xmpp.internal.Jids;
import io.switchboard.xmpp.internal.ServiceErrors;
import io.switchboard.xmpp.presence.PresenceMapping;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterListener;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

/**
 * My own presence from this device, and the composed presence of my contacts built from the
 * per-resource presences Smack's {@link Roster} keeps. Events go out on the session's serial
 * executor.
 */
public final class XmppPresenceService implements PresenceService {

    private final XMPPConnection connection;
    private final Roster roster;
    private final int priority;
    private final Clock clock;
    private final Listeners<PresenceListener> listeners;
    /** When each full JID's current presence arrived; the composer's tie-breaker. */
    private final Map<Jid, java.time.Instant> receivedAt = new ConcurrentHashMap<>();
    /** The composed presence last announced per contact, offline ones left out. */
    private final Map<BareJid, Presence> announced = new ConcurrentHashMap<>();
    private volatile Availability ownAvailability = Availability.AVAILABLE;
    private volatile String ownNote = "";

    XmppPresenceService(XMPPConnection connection, Roster roster, int priority, Clock clock, Executor events) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.roster = Objects.requireNonNull(roster, "roster");
        this.priority = priority;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listeners = new Listeners<>(events);
        roster.addRosterListener(new PresenceTracker());
    }

    /**
     * Sends the presence at once when signed in; before sign-in (or while reconnecting) it is
     * remembered and published when the session is connected again.
     */
    @Override
    public void setOwnPresence(Availability availability, String note) throws ServiceException {
        Objects.requireNonNull(availability, "availability");
        if (availability == Availability.OFFLINE) {
            throw new IllegalArgumentException("OFFLINE is not a presence to publish: sign out instead");
        }
        ownAvailability = availability;
        ownNote = note == null ? "" : note;
        if (connection.isAuthenticated()) {
            publish();
        }
    }

    /** Sends the current own presence; also called after every (re)connect. */
    void publish() throws ServiceException {
        var presence = PresenceMapping.fill(connection.getStanzaFactory().buildPresenceStanza(),
                ownAvailability, ownNote, priority).build();
        try {
            connection.sendStanza(presence);
        } catch (Exception e) {
            throw ServiceErrors.map("publishing your presence", e);
        }
    }

    @Override
    public Presence ownPresence() {
        DevicePresence me = new DevicePresence(deviceName(), ownAvailability, ownNote, priority,
                Set.of(Capability.IM), clock.instant());
        return new Presence(ownAvailability, ownNote, List.of(me), me.capabilities());
    }

    @Override
    public Presence presenceOf(Address contact) {
        return compose(Jids.bare(contact));
    }

    @Override
    public ListenerRegistration addListener(PresenceListener listener) {
        return listeners.add(listener);
    }

    private Presence compose(BareJid contact) {
        List<DevicePresence> devices = new ArrayList<>();
        for (var p : roster.getPresences(contact)) {
            if (p.getType() == org.jivesoftware.smack.packet.Presence.Type.available) {
                Jid from = p.getFrom();
                devices.add(PresenceMapping.device(Jids.resource(from), p,
                        receivedAt.getOrDefault(from, clock.instant())));
            }
        }
        return PresenceComposer.compose(devices);
    }

    /**
     * Whether {@code now} differs from what was last announced for {@code contact} (offline when
     * nothing was). Servers answer the probe of every offline contact with an unavailable
     * presence (RFC 6121 4.3.2; Prosody and ours do): thousands at a sign-in that change nothing.
     */
    private boolean changedSinceAnnounced(BareJid contact, Presence now) {
        Presence before = Presence.OFFLINE.equals(now) ? announced.remove(contact) : announced.put(contact, now);
        return !now.equals(before == null ? Presence.OFFLINE : before);
    }

    private String deviceName() {
        var user = connection.getUser();
        return user == null ? "" : user.getResourcepart().toString();
    }

    /** Runs on Smack's thread: reads the state there, delivers on ours. */
    private final class PresenceTracker implements RosterListener {
        @Override
        public void presenceChanged(org.jivesoftware.smack.packet.Presence presence) {
            Jid from = presence.getFrom();
            if (from == null) {
                return;
            }
            if (presence.getType() == org.jivesoftware.smack.packet.Presence.Type.available) {
                receivedAt.put(from, clock.instant());
            } else {
                receivedAt.remove(from);
            }
            Jids.address(from).ifPresent(address -> {
                Presence composed = compose(from.asBareJid());
                if (changedSinceAnnounced(from.asBareJid(), composed)) {
                    listeners.fire(l -> l.presenceChanged(address, composed));
                }
            });
        }

        @Override
        public void entriesAdded(java.util.Collection<Jid> addresses) {
        }

        @Override
        public void entriesUpdated(java.util.Collection<Jid> addresses) {
        }

        @Override
        public void entriesDeleted(java.util.Collection<Jid> addresses) {
        }
    }
}
