package io.switchboard.server.sip.presence;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.DevicePresence;
import io.switchboard.server.xmpp.im.presence.PresenceEngine;
import io.switchboard.sip.presence.pidf.PidfAvailabilityMapping;

import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Feeds SIP PUBLISH into the server's one presence per user: the live publications of a user are
 * read as PIDF (ADR 0010's mapping) and each device (closed ones as OFFLINE) becomes a {@link DevicePresence} with
 * the id {@code sip:<device>} in the {@link PresenceEngine}, next to the user's XMPP resources;
 * devices no longer published are removed. Core's {@code PresenceComposer} then decides what the
 * user's presence is, whichever protocol it came from. Thread-safe: one user's update is atomic.
 */
public final class SipPresenceSource {

    static final String DEVICE_PREFIX = PresenceEngine.SIP_DEVICE_PREFIX;

    private final PublicationStore publications;
    private final PresenceEngine engine;
    private final String domain;
    private final Clock clock;
    private final PidfAvailabilityMapping mapping = new PidfAvailabilityMapping();
    /** The SIP device ids last given to the engine, per user. */
    private final Map<String, Set<String>> fed = new ConcurrentHashMap<>();

    public SipPresenceSource(PublicationStore publications, PresenceEngine engine, String domain, Clock clock) {
        this.publications = Objects.requireNonNull(publications, "publications");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.domain = Objects.requireNonNull(domain, "domain");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The user's publications changed (published, modified, removed or expired). */
    public void publicationsChanged(String user) {
        Address address = Address.of(user, domain);
        fed.compute(user, (u, before) -> {
            Set<String> now = new HashSet<>();
            if (!publications.publications(user).isEmpty()) {
                // closed tuples too: an explicit offline must beat the user's registration (ADR 0017);
                // one device named by several tuples counts as its most communicative one
                Map<String, DevicePresence> byId = new LinkedHashMap<>();
                for (DevicePresence device : mapping.devices(
                        publications.composite(user, "sip:" + user + "@" + domain), clock.instant())) {
                    String id = DEVICE_PREFIX + device.deviceId();
                    if (id.equals(SipRegistrationSource.DEVICE_ID)) {
                        id += ".published"; // the registration's device id is reserved
                    }
                    byId.merge(id, new DevicePresence(id, device.availability(), device.note(), device.priority(),
                            device.capabilities(), device.updatedAt()),
                            (a, b) -> b.availability().reachability() < a.availability().reachability() ? b : a);
                }
                byId.values().forEach(device -> engine.update(address, device));
                now.addAll(byId.keySet());
            }
            if (before != null) {
                for (String gone : before) {
                    if (!now.contains(gone)) {
                        engine.remove(address, gone);
                    }
                }
            }
            return now.isEmpty() ? null : now;
        });
    }
}
