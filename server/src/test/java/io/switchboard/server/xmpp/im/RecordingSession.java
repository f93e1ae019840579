package io.switchboard.server.xmpp.im;

import io.switchboard.server.xmpp.Jid;
import io.switchboard.server.xmpp.session.C2sSession;
import io.switchboard.server.xmpp.session.StreamErrorCondition;
import io.switchboard.server.xmpp.xml.XmlElement;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** A client connection that records what the server sends it. Thread-safe, like the real one. */
public final class RecordingSession implements C2sSession {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final Jid jid;
    private final String id = "s" + IDS.incrementAndGet();
    private final LinkedBlockingQueue<XmlElement> received = new LinkedBlockingQueue<>();
    private volatile StreamErrorCondition closedWith;
    private volatile boolean open = true;

    public RecordingSession(Jid jid) {
        this.jid = jid;
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
        assertThat(stanza.namespace()).isEqualTo(Namespaces.CLIENT);
        received.add(stanza);
    }

    @Override
    public void close(StreamErrorCondition condition, String text) {
        closedWith = condition;
        open = false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    public StreamErrorCondition closedWith() {
        return closedWith;
    }

    /** Takes the oldest stanza received, failing if there is none. */
    public XmlElement next() {
        XmlElement next = received.poll();
        assertThat(next).as("a stanza sent to %s", jid).isNotNull();
        return next;
    }

    /** Takes everything received so far. */
    public List<XmlElement> drain() {
        List<XmlElement> out = new ArrayList<>();
        received.drainTo(out);
        return out;
    }

    /** Takes everything received and keeps those matching. */
    public List<XmlElement> drain(Predicate<XmlElement> filter) {
        return drain().stream().filter(filter).toList();
    }

    public List<XmlElement> peekAll() {
        return List.copyOf(received);
    }

    public void assertNothingReceived() {
        assertThat(received).as("stanzas sent to %s", jid).isEmpty();
    }
}
