package io.switchboard.server.xmpp.stream;

import io.netty.channel.Channel;
import io.switchboard.server.xmpp.Jid;
import io.switchboard.server.xmpp.session.C2sSession;
import io.switchboard.server.xmpp.session.StreamErrorCondition;
import io.switchboard.server.xmpp.xml.XmlElement;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bound client connection as the IM layer sees it.
 *
 * <p>Thread-safe: {@link #send} may be called from any thread; Netty queues the write onto the
 * channel's event loop. A client that does not read what it is sent cannot make the server buffer
 * without end: once {@code maxPendingWriteBytes} wait for it, the connection is dropped.
 */
final class ChannelC2sSession implements C2sSession {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelC2sSession.class);

    private final Channel channel;
    private final Jid jid;
    private final String id;
    private final long maxPendingWriteBytes;
    private final BiConsumer<StreamErrorCondition, String> closer;

    /**
     * @param closer closes the stream on the event loop (with an error, or cleanly for null)
     */
    private final AtomicBoolean closingUnread = new AtomicBoolean();

    ChannelC2sSession(Channel channel, Jid jid, String id, long maxPendingWriteBytes,
                      BiConsumer<StreamErrorCondition, String> closer) {
        this.channel = channel;
        this.jid = jid;
        this.id = id;
        this.maxPendingWriteBytes = maxPendingWriteBytes;
        this.closer = closer;
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
        if (!channel.isWritable() && channel.bytesBeforeWritable() > maxPendingWriteBytes) {
            // many stanzas can be on their way to a client that stopped reading: say it once
            if (closingUnread.compareAndSet(false, true)) {
                LOG.info("{} does not read its stream; closing", jid);
                channel.close();
            }
            return;
        }
        channel.writeAndFlush(stanza, channel.voidPromise());
    }

    @Override
    public void close(StreamErrorCondition condition, String text) {
        channel.eventLoop().execute(() -> closer.accept(condition, text));
    }

    @Override
    public boolean isOpen() {
        return channel.isActive();
    }

    @Override
    public String toString() {
        return "C2sSession[" + jid + ", " + id + "]";
    }
}
