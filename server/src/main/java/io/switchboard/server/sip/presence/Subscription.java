package io.switchboard.server.sip.presence;

import io.switchboard.core.model.Address;
import io.switchboard.sip.presence.winfo.WatcherEvent;
import io.switchboard.sip.presence.winfo.WatcherStatus;

import java.time.Instant;
import java.util.Objects;

/**
 * One subscription the presence agent serves (RFC 6665 §4.2.2): the dialog it lives in — Call-ID,
 * our tag, the watcher's tag, the watcher's Contact as remote target, our CSeq — and its state.
 * The identity is immutable; state changes happen under the object's lock.
 */
public final class Subscription {

    private final String id;
    private final EventPackage eventPackage;
    private final String presentity;
    private final Address watcher;
    private final String watcherUri;
    private final String watcherDisplayName;
    private final String presentityUri;
    private final String callId;
    private final String localTag;
    private final String remoteTag;
    private final String eventId;
    private final String remoteTarget;
    private final Instant createdAt;

    private Instant expiresAt;
    private WatcherStatus status;
    private WatcherEvent lastEvent;
    private long nextCseq = 1;
    private long documentVersion;
    private Instant lastNotifyAt = Instant.EPOCH;
    private boolean notifyScheduled;

    public Subscription(String id, EventPackage eventPackage, String presentity, Address watcher, String watcherUri,
                        String watcherDisplayName, String presentityUri, String callId, String localTag,
                        String remoteTag, String eventId, String remoteTarget, Instant createdAt, Instant expiresAt,
                        WatcherStatus status, WatcherEvent lastEvent) {
        this.id = Objects.requireNonNull(id, "id");
        this.eventPackage = Objects.requireNonNull(eventPackage, "eventPackage");
        this.presentity = Objects.requireNonNull(presentity, "presentity");
        this.watcher = Objects.requireNonNull(watcher, "watcher");
        this.watcherUri = Objects.requireNonNull(watcherUri, "watcherUri");
        this.watcherDisplayName = watcherDisplayName;
        this.presentityUri = Objects.requireNonNull(presentityUri, "presentityUri");
        this.callId = Objects.requireNonNull(callId, "callId");
        this.localTag = Objects.requireNonNull(localTag, "localTag");
        this.remoteTag = remoteTag;
        this.eventId = eventId;
        this.remoteTarget = Objects.requireNonNull(remoteTarget, "remoteTarget");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.status = Objects.requireNonNull(status, "status");
        this.lastEvent = Objects.requireNonNull(lastEvent, "lastEvent");
    }

    /** The registry key: the dialog as seen from our side. */
    public static String key(String callId, String localTag) {
        return callId + "\n" + localTag;
    }

    public String key() {
        return key(callId, localTag);
    }

    public String id() {
        return id;
    }

    public EventPackage eventPackage() {
        return eventPackage;
    }

    public String presentity() {
        return presentity;
    }

    public Address watcher() {
        return watcher;
    }

    public String watcherUri() {
        return watcherUri;
    }

    public String watcherDisplayName() {
        return watcherDisplayName;
    }

    public String presentityUri() {
        return presentityUri;
    }

    public String callId() {
        return callId;
    }

    public String localTag() {
        return localTag;
    }

    public String remoteTag() {
        return remoteTag;
    }

    public String eventId() {
        return eventId;
    }

    public String remoteTarget() {
        return remoteTarget;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public synchronized Instant expiresAt() {
        return expiresAt;
    }

    public synchronized void expiresAt(Instant newExpiry) {
        this.expiresAt = newExpiry;
    }

    public synchronized WatcherStatus status() {
        return status;
    }

    public synchronized WatcherEvent lastEvent() {
        return lastEvent;
    }

    /** Moves to {@code newStatus} because of {@code why} (RFC 3857 §3.2). */
    public synchronized void transition(WatcherStatus newStatus, WatcherEvent why) {
        this.status = newStatus;
        this.lastEvent = why;
    }

    public synchronized long takeCseq() {
        return nextCseq++;
    }

    /**
     * The next document version of this subscription: 0, 1, 2, ... — watcherinfo's (RFC 3858 §4)
     * and dialog-info's (RFC 4235 §4.1) both count up by one per NOTIFY within a subscription.
     */
    public synchronized long takeVersion() {
        return documentVersion++;
    }

    public synchronized Instant lastNotifyAt() {
        return lastNotifyAt;
    }

    public synchronized void notified(Instant at) {
        this.lastNotifyAt = at;
        this.notifyScheduled = false;
    }

    /** Marks a throttled NOTIFY as scheduled; false when one already is (it will carry the latest state). */
    public synchronized boolean scheduleNotify() {
        if (notifyScheduled) {
            return false;
        }
        notifyScheduled = true;
        return true;
    }

    public synchronized boolean expired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    @Override
    public String toString() {
        return "Subscription[" + eventPackage.token() + " " + presentity + " <- " + watcher + ", " + status + "]";
    }
}
