package io.switchboard.server.sip.calls;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.Availability;
import io.switchboard.core.model.Capability;
import io.switchboard.core.model.DevicePresence;
import io.switchboard.server.xmpp.im.presence.PresenceEngine;
import io.switchboard.sip.dialog.DialogDirection;
import io.switchboard.sip.dialog.DialogEvent;
import io.switchboard.sip.dialog.DialogState;
import io.switchboard.sip.dialog.DialogStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which local users and desk lines are in a call, from the calls the proxy sees: the INVITE it
 * forks (trying), provisional responses (early: the callee rings), the 2xx (confirmed), a failure
 * or CANCEL, and the BYE (the proxy Record-Routes INVITEs so the BYE passes here). Two things
 * follow from it:
 * <ul>
 *   <li>presence: one "in a call" device per user while a call is answered, so watchers on both
 *   protocols see "On the phone" whether or not the phone publishes anything itself (a baresip or
 *   a desk phone does not). A call of a desk line counts for the line's owner too: the owner is on
 *   the phone while their desk phone is;</li>
 *   <li>line state: each call as an RFC 4235 dialog of each local party, and of the owner of a
 *   party that is a desk line, for the {@code dialog} event package (busy lamp field); listeners
 *   hear which users' dialogs changed.</li>
 * </ul>
 * Calls whose BYE never came (a phone that crashed) are forgotten after {@link #MAX_CALL}, calls
 * never answered nor refused after {@link #MAX_RINGING}; ended calls are still reported, as
 * terminated, for {@link #TERMINATED_LINGER}. Thread-safe; listeners are called outside the lock.
 */
public final class CallTracker {

    /** The device id of "in a call"; SIP-prefixed so the XMPP side never routes chats to it. */
    public static final String DEVICE_ID = PresenceEngine.SIP_DEVICE_PREFIX + "call";
    /** Longer than any real call; the sweep's bound for calls whose BYE was lost. */
    public static final Duration MAX_CALL = Duration.ofHours(8);
    /** Longer than a proxy's INVITE timer C (3 min, RFC 3261 §16.6): a call still ringing then was lost. */
    public static final Duration MAX_RINGING = Duration.ofMinutes(5);
    /** How long an ended call stays in the dialog documents, as terminated with its reason. */
    public static final Duration TERMINATED_LINGER = Duration.ofSeconds(4);
    /** At most this many calls are tracked; more are connected, just not shown in presence. */
    static final int MAX_TRACKED = 50_000;

    private static final Logger LOG = LoggerFactory.getLogger(CallTracker.class);

    /** Who owns a desk line (the {@code desk_lines} table); empty for a user's own account. */
    @FunctionalInterface
    public interface LineOwners {
        Optional<String> ownerOf(String line);
    }

    /** Told that the dialogs reported for {@code user} changed (a party, or the owner of a party's line). */
    @FunctionalInterface
    public interface DialogsListener {
        void dialogsChanged(String user);
    }

    private final PresenceEngine engine;
    private final String domain;
    private final LineOwners owners;
    private final Clock clock;
    private final Map<String, TrackedCall> calls = new HashMap<>();
    private final Map<String, Integer> callsPerUser = new HashMap<>();
    private final List<DialogsListener> listeners = new CopyOnWriteArrayList<>();

    public CallTracker(PresenceEngine engine, String domain, Clock clock) {
        this(engine, domain, line -> Optional.empty(), clock);
    }

    public CallTracker(PresenceEngine engine, String domain, LineOwners owners, Clock clock) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.domain = Objects.requireNonNull(domain, "domain");
        this.owners = Objects.requireNonNull(owners, "owners");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void addListener(DialogsListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * The proxy forwards a new INVITE. {@code caller} and {@code callee} are user names when they
     * are local users, else null; {@code callerTag} is the From tag.
     */
    public void offered(String callId, String caller, String callee, String callerTag) {
        if (caller == null && callee == null) {
            return;
        }
        // the owner lookups may read the database: not under the lock
        Party from = party(caller);
        Party to = party(callee);
        Set<String> changed;
        synchronized (this) {
            if (calls.containsKey(callId) || calls.size() >= MAX_TRACKED) {
                return;
            }
            TrackedCall call = new TrackedCall(callId, from, to, callerTag, clock.instant());
            calls.put(callId, call);
            changed = call.watchedUsers();
        }
        LOG.debug("call {} offered: {} -> {}", callId, caller, callee);
        fire(changed);
    }

    /** A provisional response went back to the caller: with a To tag the callee rings (early), else proceeding. */
    public void progressed(String callId, String calleeTag) {
        Set<String> changed = Set.of();
        synchronized (this) {
            TrackedCall call = calls.get(callId);
            if (call == null || call.state != DialogState.TRYING && call.state != DialogState.PROCEEDING) {
                return;
            }
            call.state = calleeTag == null ? DialogState.PROCEEDING : DialogState.EARLY;
            call.calleeTag = calleeTag;
            changed = call.watchedUsers();
        }
        fire(changed);
    }

    /**
     * A call was answered. {@code caller} and {@code callee} are user names when they are local
     * users, else null. A retransmitted or second 2xx of the same call changes nothing.
     */
    public void answered(String callId, String caller, String callee) {
        answered(callId, caller, callee, null);
    }

    /** A call was answered with {@code calleeTag} in the 2xx's To. */
    public void answered(String callId, String caller, String callee, String calleeTag) {
        if (caller == null && callee == null) {
            return;
        }
        boolean known;
        synchronized (this) {
            known = calls.containsKey(callId);
        }
        // a call the tracker did not see offered (it was full, or the tracker started since) is taken as it is
        Party from = known ? null : party(caller);
        Party to = known ? null : party(callee);
        Set<String> changed;
        synchronized (this) {
            TrackedCall call = calls.get(callId);
            if (call == null) {
                if (from == null || calls.size() >= MAX_TRACKED) {
                    return;
                }
                call = new TrackedCall(callId, from, to, null, clock.instant());
                calls.put(callId, call);
            }
            if (call.state == DialogState.CONFIRMED || call.state == DialogState.TERMINATED) {
                return;
            }
            call.state = DialogState.CONFIRMED;
            if (calleeTag != null) {
                call.calleeTag = calleeTag;
            }
            call.onThePhone = true;
            join(call.caller);
            join(call.callee);
            changed = call.watchedUsers();
        }
        LOG.debug("call {} answered: {} -> {}", callId, caller, callee);
        fire(changed);
    }

    /** The call was not answered: the final response {@code status} (487 after a CANCEL) went to the caller. */
    public void failed(String callId, int status) {
        DialogEvent why = switch (status) {
            case 487 -> DialogEvent.CANCELLED;
            case 408 -> DialogEvent.TIMEOUT;
            default -> status >= 500 && status < 600 ? DialogEvent.ERROR : DialogEvent.REJECTED;
        };
        terminate(callId, new DialogStatus(DialogState.TERMINATED, why, status >= 100 && status <= 699 ? status : null));
    }

    /** The call ended (BYE). Unknown calls are ignored. */
    public void ended(String callId) {
        // the tracker sees the BYE pass but not who sent it: "remote-bye" would be a guess for one side
        terminate(callId, DialogStatus.of(DialogState.TERMINATED));
    }

    private void terminate(String callId, DialogStatus how) {
        Set<String> changed;
        synchronized (this) {
            TrackedCall call = calls.get(callId);
            if (call == null || call.state == DialogState.TERMINATED) {
                return;
            }
            call.state = DialogState.TERMINATED;
            call.end = how;
            call.endedAt = clock.instant();
            leaveIfOnThePhone(call);
            changed = call.watchedUsers();
        }
        LOG.debug("call {} ended: {}", callId, how);
        fire(changed);
    }

    /** Forgets ended calls after their linger, and lost ones (see the class comment); run by a periodic sweep. */
    public void forgetStale() {
        Set<String> changed = new LinkedHashSet<>();
        synchronized (this) {
            Instant now = clock.instant();
            for (Iterator<TrackedCall> it = calls.values().iterator(); it.hasNext(); ) {
                TrackedCall call = it.next();
                if (call.state == DialogState.TERMINATED) {
                    if (!call.endedAt.plus(TERMINATED_LINGER).isAfter(now)) {
                        it.remove();
                        changed.addAll(call.watchedUsers());
                    }
                    continue;
                }
                Duration bound = call.state == DialogState.CONFIRMED ? MAX_CALL : MAX_RINGING;
                if (call.since.plus(bound).isBefore(now)) {
                    it.remove();
                    leaveIfOnThePhone(call);
                    changed.addAll(call.watchedUsers());
                    LOG.info("call {} forgotten after {} without an end", call.callId, bound);
                }
            }
        }
        fire(changed);
    }

    /** Calls offered or answered and not ended. */
    public synchronized int activeCalls() {
        return (int) calls.values().stream().filter(c -> c.state != DialogState.TERMINATED).count();
    }

    /**
     * The dialogs to report for {@code user}: those of calls they are a party of, and of calls of
     * the desk lines they owned when the call began. Recently ended calls are included as terminated.
     */
    public synchronized List<LineDialog> dialogsOf(String user) {
        List<LineDialog> dialogs = new ArrayList<>();
        for (TrackedCall call : calls.values()) {
            if (call.caller.reportsTo(user)) {
                dialogs.add(call.asSeenBy(call.caller, DialogDirection.INITIATOR));
            }
            if (call.callee.reportsTo(user)) {
                dialogs.add(call.asSeenBy(call.callee, DialogDirection.RECIPIENT));
            }
        }
        return dialogs;
    }

    private Party party(String user) {
        if (user == null) {
            return Party.NOBODY;
        }
        String owner;
        try {
            owner = owners.ownerOf(user).filter(o -> !o.equals(user)).orElse(null);
        } catch (RuntimeException e) {
            // the call still shows for the line itself; only its owner is not told
            LOG.warn("cannot look up the owner of {}: {}", user, e.toString());
            owner = null;
        }
        return new Party(user, owner);
    }

    private void fire(Set<String> users) {
        for (String user : users) {
            for (DialogsListener listener : listeners) {
                try {
                    listener.dialogsChanged(user);
                } catch (RuntimeException e) {
                    LOG.warn("dialog listener failed for {}: {}", user, e.toString());
                }
            }
        }
    }

    private void leaveIfOnThePhone(TrackedCall call) {
        if (call.onThePhone) {
            call.onThePhone = false;
            leave(call.caller);
            leave(call.callee);
        }
    }

    private void join(Party party) {
        join(party.user());
        join(party.owner());
    }

    private void leave(Party party) {
        leave(party.user());
        leave(party.owner());
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

    /** A local party of a call (null user: not one of ours), with the owner of its line when it is a desk line. */
    private record Party(String user, String owner) {
        static final Party NOBODY = new Party(null, null);

        boolean reportsTo(String watched) {
            return user != null && (user.equals(watched) || watched.equals(owner));
        }
    }

    /** A call's state; fields other than the identity are guarded by the tracker's lock. */
    private static final class TrackedCall {
        final String callId;
        final Party caller;
        final Party callee;
        final String callerTag;
        final Instant since;
        String calleeTag;
        DialogState state = DialogState.TRYING;
        DialogStatus end;
        Instant endedAt;
        boolean onThePhone;

        TrackedCall(String callId, Party caller, Party callee, String callerTag, Instant since) {
            this.callId = callId;
            this.caller = caller;
            this.callee = callee;
            this.callerTag = callerTag;
            this.since = since;
        }

        Set<String> watchedUsers() {
            Set<String> users = new LinkedHashSet<>();
            for (String user : new String[] {caller.user(), caller.owner(), callee.user(), callee.owner()}) {
                if (user != null) {
                    users.add(user);
                }
            }
            return users;
        }

        LineDialog asSeenBy(Party side, DialogDirection direction) {
            boolean initiator = direction == DialogDirection.INITIATOR;
            DialogStatus status = state == DialogState.TERMINATED ? end : DialogStatus.of(state);
            return new LineDialog(callId + (initiator ? ";i" : ";r"), callId, initiator ? callerTag : calleeTag,
                    initiator ? calleeTag : callerTag, direction, status, side.user(), since);
        }
    }
}
