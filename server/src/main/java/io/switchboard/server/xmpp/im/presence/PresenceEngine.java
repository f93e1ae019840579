package io.switchboard.server.xmpp.im.presence;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.event.Listeners;
import io.switchboard.core.event.SerialExecutor;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.DevicePresence;
import io.switchboard.core.model.Presence;
import io.switchboard.core.presence.PresenceComposer;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One composed presence per user, from all their devices, by {@link PresenceComposer}: XMPP
 * resources, SIP PUBLISH ({@code SipPresenceSource}) and SIP registrations as a capability-only
 * device ({@code SipRegistrationSource}, ADR 0017).
 *
 * <p>Thread-safe. Updates of one user are atomic; listeners are told of every change of a
 * user's composed {@link Presence} (availability, note, capabilities or device detail), in
 * the order the changes happened, one at a time on a serial executor over the given one
 * (never on the caller's thread).
 */
public final class PresenceEngine {

    private static final Logger LOG = LoggerFactory.getLogger(PresenceEngine.class);

    /** Ids of devices fed by other protocols start with this ("sip:deskphone"); XMPP resources are bare. */
    public static final String SIP_DEVICE_PREFIX = "sip:";

    private final Map<Address, UserDevices> users = new ConcurrentHashMap<>();
    private final Listeners<ComposedPresenceListener> listeners;

    public PresenceEngine(Executor notifications) {
        this.listeners = new Listeners<>(new SerialExecutor(notifications));
    }

    /** Whether {@code deviceId} was fed by another protocol rather than bound as an XMPP resource. */
    public static boolean isForeignDevice(String deviceId) {
        return deviceId.startsWith(SIP_DEVICE_PREFIX);
    }

    public ListenerRegistration addListener(ComposedPresenceListener listener) {
        return listeners.add(listener);
    }

    /** The user's composed presence; {@link Presence#OFFLINE} when no device is online. */
    public Presence composedPresence(Address user) {
        UserDevices devices = users.get(user);
        return devices == null ? Presence.OFFLINE : devices.composed;
    }

    /** Sets (adds or replaces) one device's presence. */
    public void update(Address user, DevicePresence device) {
        users.compute(user, (k, current) -> {
            Map<String, DevicePresence> devices = current == null ? new HashMap<>() : new HashMap<>(current.devices);
            devices.put(device.deviceId(), device);
            return changed(user, current, devices);
        });
    }

    /** Forgets one device (it went offline). */
    public void remove(Address user, String deviceId) {
        users.computeIfPresent(user, (k, current) -> {
            if (!current.devices.containsKey(deviceId)) {
                return current;
            }
            Map<String, DevicePresence> devices = new HashMap<>(current.devices);
            devices.remove(deviceId);
            UserDevices next = changed(user, current, devices);
            return devices.isEmpty() ? null : next;
        });
    }

    // runs inside compute: firing here keeps the notifications of one user in update order
    private UserDevices changed(Address user, UserDevices current, Map<String, DevicePresence> devices) {
        Presence before = current == null ? Presence.OFFLINE : current.composed;
        Presence after = PresenceComposer.compose(devices.values());
        if (!after.equals(before)) {
            LOG.debug("Composed presence of {}: {} '{}' from {} device(s)", user, after.availability(),
                    after.note(), after.devices().size());
            listeners.fire(l -> l.composedPresenceChanged(user, after));
        }
        return new UserDevices(Map.copyOf(devices), after);
    }

    private record UserDevices(Map<String, DevicePresence> devices, Presence composed) {
    }
}
