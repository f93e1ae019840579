package io.switchboard.server.xmpp.im;

import io.switchboard.core.model.Address;
import io.switchboard.server.xmpp.Jid;
import io.switchboard.server.xmpp.session.C2sSession;
import io.switchboard.server.xmpp.xml.XmlElement;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The IM state of one bound resource: its connection, the serial executor its stanzas are
 * processed on, its current presence, whether it asked for the roster, and where it sent
 * directed presence.
 *
 * <p>Fields are written only on the session's own serial executor and read from any thread
 * (volatile / concurrent), so another user's work always sees a complete value.
 */
public final class ResourceSession {

    private final C2sSession connection;
    private final Jid jid;
    private final Address user;
    private final Executor serial;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Set<Jid> directedPresence = ConcurrentHashMap.newKeySet();
    private volatile XmlElement presence;
    private volatile int priority;
    private volatile boolean interested;

    ResourceSession(C2sSession connection, Executor serial) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.jid = connection.jid();
        if (!jid.isFull() || !jid.hasLocal()) {
            throw new IllegalArgumentException("a bound session needs a full JID, got " + jid);
        }
        this.user = jid.address().orElseThrow();
        this.serial = Objects.requireNonNull(serial, "serial");
    }

    public C2sSession connection() {
        return connection;
    }

    /** The full JID, {@code user@domain/resource}. */
    public Jid jid() {
        return jid;
    }

    public Address user() {
        return user;
    }

    public String resource() {
        return jid.resource();
    }

    /** Runs this session's work in order, one task at a time. */
    public Executor serial() {
        return serial;
    }

    public void send(XmlElement stanza) {
        connection.send(stanza);
    }

    /**
     * Available in RFC 6121 terms: has sent initial presence and not since gone unavailable.
     * Only available resources receive presence broadcasts and subscription requests.
     */
    public boolean isAvailable() {
        return presence != null;
    }

    /** The last available presence this resource broadcast (with its {@code from}), or null. */
    public XmlElement presence() {
        return presence;
    }

    /** Priority of the current presence; meaningless while unavailable. */
    public int priority() {
        return priority;
    }

    public void becameAvailable(XmlElement broadcastPresence, int newPriority) {
        this.priority = newPriority;
        this.presence = broadcastPresence;
    }

    public void becameUnavailable() {
        this.presence = null;
        this.priority = 0;
    }

    /** Requested the roster, so it gets roster pushes (RFC 6121 §2.1.6). */
    public boolean isInterested() {
        return interested;
    }

    public void markInterested() {
        interested = true;
    }

    /** Entities this resource sent directed presence to, which must also learn it left. */
    public Set<Jid> directedPresence() {
        return directedPresence;
    }

    /** Marks the session as ended; true only the first time. */
    boolean end() {
        return ended.compareAndSet(false, true);
    }

    public boolean isEnded() {
        return ended.get();
    }

    @Override
    public String toString() {
        return jid + " (" + connection.id() + ")";
    }
}
