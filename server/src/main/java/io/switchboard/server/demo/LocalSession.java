package io.switchboard.server.demo;

import io.switchboard.server.xmpp.Jid;
import io.switchboard.server.xmpp.session.C2sSession;
import io.switchboard.server.xmpp.session.StanzaRouter;
import io.switchboard.server.xmpp.session.StreamErrorCondition;
import io.switchboard.server.xmpp.xml.XmlElement;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client session that lives inside the server process: no socket, no TLS, no SASL, but the
 * same {@link StanzaRouter} calls the network layer makes for a signed-in connection, in the
 * same order and with the same guarantees (bound first, {@code from} stamped with the full
 * JID, closed exactly once). Everything a local session does therefore goes through the real
 * roster, presence and message paths.
 *
 * <p>Stanzas the router sends to this session go to {@code inbox}, called on the router's
 * worker thread: the inbox must hand them off rather than work (or send) in place.
 */
public final class LocalSession implements C2sSession {

    private static final Logger LOG = LoggerFactory.getLogger(LocalSession.class);
    private static final AtomicInteger IDS = new AtomicInteger();

    private final Jid jid;
    private final String id = "local-" + IDS.incrementAndGet();
    private final StanzaRouter router;
    private final Consumer<XmlElement> inbox;
    private final AtomicBoolean bound = new AtomicBoolean();
    private final AtomicBoolean open = new AtomicBoolean(true);

    /**
     * @param jid   the full JID this session binds, as resource binding would have produced it
     * @param inbox receives every stanza the server sends to this session
     */
    public LocalSession(Jid jid, StanzaRouter router, Consumer<XmlElement> inbox) {
        if (!Objects.requireNonNull(jid, "jid").isFull() || !jid.hasLocal()) {
            throw new IllegalArgumentException("A session binds a full user JID, not " + jid);
        }
        this.jid = jid;
        this.router = Objects.requireNonNull(router, "router");
        this.inbox = Objects.requireNonNull(inbox, "inbox");
    }

    /** Announces the session to the router, as the network layer does after resource binding. */
    public void bind() {
        if (!isOpen()) {
            throw new IllegalStateException(this + " is closed");
        }
        if (bound.compareAndSet(false, true)) {
            router.sessionBound(this);
        }
    }

    /**
     * Sends a stanza from this session to the server, {@code from} stamped with the full JID
     * as the stream layer does. Dropped once the session is closed, like bytes written to a
     * closed socket.
     */
    public void submit(XmlElement stanza) {
        if (!bound.get()) {
            throw new IllegalStateException(this + " must be bound before it sends");
        }
        if (!isOpen()) {
            LOG.debug("{} is closed; dropping a {}", this, stanza.name());
            return;
        }
        router.stanzaReceived(this, stanza.withAttribute("from", jid.toString()));
    }

    @Override
    public Jid jid() {
        return jid;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void send(XmlElement stanza) {
        if (isOpen()) {
            inbox.accept(stanza);
        }
    }

    /**
     * Ends the session, whether the owner closes it or the router does (e.g. {@code conflict}
     * when another connection takes this resource); the router hears of it once.
     */
    @Override
    public void close(StreamErrorCondition condition, String text) {
        if (open.compareAndSet(true, false)) {
            if (condition != null) {
                LOG.info("{} closed by the server: {} {}", this, condition.element(), text == null ? "" : text);
            }
            if (bound.get()) {
                router.sessionClosed(this);
            }
        }
    }

    @Override
    public boolean isOpen() {
        return open.get();
    }

    @Override
    public String toString() {
        return "LocalSession[" + jid + ", " + id + "]";
    }
}
