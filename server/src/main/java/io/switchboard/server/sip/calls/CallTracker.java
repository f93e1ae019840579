package io.switchboard.server.sip.calls;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.Availability;
import io.switchboard.core.model.Capability;
import io.switchboard.core.model.DevicePresence;
import io.switchboard.server.xmpp.im.presence.PresenceEngine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which local users are in a call, from the calls the proxy sees (INVITE answered with 2xx, BYE;
 * the proxy Record-Routes INVITEs so the BYE passes here), fed into the presence engine as one
 * "in a call" device per user: watchers on both protocols see "On the phone" while it lasts,
 * whether or not the phone publishes anything itself (a baresip or a desk phone does not). Calls
 * whose BYE never came (a phone that crashed) are forgotten after {@link #MAX_CALL}.
 * Thread-safe.
 */
public final class CallTracker {

    /** The device id of "in a call"; SIP-prefixed so the XMPP side never routes chats to it. */
    public static final String DEVICE_ID = PresenceEngine.SIP_DEVICE_PREFIX + "call";
    /** Longer than any real call; the sweep's bound for calls whose BYE was lost. */
    public static final Duration MAX_CALL = Duration.ofHours(8);
    /** At most this many calls are tracked; more are connected, just not shown in presence. */
    static final int MAX_TRACKED = 50_000;

    private static final Logger LOG = LoggerFactory.getLogger(CallTracker.class);

    private final PresenceEngine engine;
    private final String domain;
    private final Clock clock;
    private final Map<String, TrackedCall> calls = new HashMap<>();
    private final Map<String, Integer> callsPerUser = new HashMap<>();

    public CallTracker(PresenceEngine engine, String domain, Clock clock) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.domain = Objects.requireNonNull(domain, "domain");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A call was answered. {@code caller} and {@code callee} are user names when they are local
     * users, else null. A retransmitted or second 2xx of the same call changes nothing.
     */
    public synchronized void answered(String callId, String caller, String callee) {
        if (calls.containsKey(callId) || calls.size() >= MAX_TRACKED || (caller == null && callee == null)) {
            return;
        }
        calls.put(callId, new TrackedCall(caller, callee, clock.instant()));
        join(caller);
        join(callee);
        LOG.debug("call {} answered: {} -> {}", callId, caller, callee);
    }

    /** The call ended (BYE). Unknown calls are ignored. */
    public synchronized void ended(String callId) {
        TrackedCall call = calls.remove(callId);
        if (call != null) {
            leave(call.caller());
            leave(call.callee());
            LOG.debug("call {} ended", callId);
        }
    }

    /** Forgets calls older than {@link #MAX_CALL}; run by a periodic sweep. */
    public synchronized void forgetStale() {
        Instant limit = clock.instant().minus(MAX_CALL);
        for (Iterator<Map.Entry<String, TrackedCall>> it = calls.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, TrackedCall> entry = it.next();
            if (entry.getValue().since().isBefore(limit)) {
                it.remove();
                leave(entry.getValue().caller());
                leave(entry.getValue().callee());
                LOG.info("call {} forgotten after {} without a BYE", entry.getKey(), MAX_CALL);
            }
        }
    }

    public synchronized int activeCalls() {
        return calls.size();
    }

    private void join(String user) {
        if (user != null && callsPerUser.merge(user, 1, Integer::sum) == 1) {
            engine.update(Address.of(user, domain), new DevicePresence(DEVICE_ID, Availability.ON_THE_PHONE, "", -1,
                    Set.of(Capability.AUDIO), clock.instant()));
        }
    }

    private void leave(String user) {
        if (user == null) {
            return;
        }
        Integer left = callsPerUser.computeIfPresent(user, (u, n) -> n == 1 ? null : n - 1);
        if (left == null) {
            engine.remove(Address.of(user, domain), DEVICE_ID);
        }
    }

    private record TrackedCall(String caller, String callee, Instant since) {
    }
}
