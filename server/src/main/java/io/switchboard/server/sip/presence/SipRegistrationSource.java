package io.switchboard.server.sip.presence;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.Capability;
import io.switchboard.core.model.DevicePresence;
import io.switchboard.server.sip.registrar.Binding;
import io.switchboard.server.sip.registrar.LocationService;
import io.switchboard.server.xmpp.im.presence.PresenceEngine;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Feeds SIP registrations into the server's one presence per user (ADR 0014 bridge step 4): a
 * user with at least one live binding has one {@linkplain DevicePresence#capabilityOnly()
 * capability-only} device {@value #DEVICE_ID} that says "reachable for calls" (AUDIO). A desk
 * phone or baresip that never PUBLISHes thus keeps its user from looking offline, yet never
 * speaks over a status set in a chat client or published by another device (core's
 * {@code PresenceComposer}).
 *
 * <p>One device per user, not one per binding: watchers learn that the person can be called, not
 * how many phones ring. Refreshes change nothing (the device keeps the time of the first
 * registration), so a phone re-registering every minute sends no NOTIFY and no presence stanza.
 * Called by the {@link LocationService} after every change (register, refresh, unregister,
 * expiry purge); the bindings are read again under the user's lock, so two changes reported
 * out of order still leave the engine with the current state. Thread-safe.
 */
public final class SipRegistrationSource {

    /** The device id of "registered on some phone"; a published device of that id is renamed by {@link SipPresenceSource}. */
    public static final String DEVICE_ID = PresenceEngine.SIP_DEVICE_PREFIX + "registered";

    private final LocationService locations;
    private final PresenceEngine engine;
    private final String domain;
    private final Clock clock;
    /** Users whose registration device the engine has, with the time it appeared. */
    private final Map<String, Instant> fed = new ConcurrentHashMap<>();

    public SipRegistrationSource(LocationService locations, PresenceEngine engine, String domain, Clock clock) {
        this.locations = Objects.requireNonNull(locations, "locations");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.domain = Objects.requireNonNull(domain, "domain");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Listens to {@code locations} from now on. */
    public void attach() {
        locations.addListener(this::bindingsChanged);
    }

    /** The user's bindings changed; {@code reported} is ignored in favour of a fresh read. */
    public void bindingsChanged(String user, List<Binding> reported) {
        Address address = Address.of(user, domain);
        fed.compute(user, (u, since) -> {
            boolean registered = !locations.bindings(user).isEmpty();
            if (registered && since == null) {
                Instant now = clock.instant();
                engine.update(address, DevicePresence.capabilityOnlyDevice(DEVICE_ID, Set.of(Capability.AUDIO), now));
                return now;
            }
            if (!registered && since != null) {
                engine.remove(address, DEVICE_ID);
                return null;
            }
            return since;
        });
    }
}
