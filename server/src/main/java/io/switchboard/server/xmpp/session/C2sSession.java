package io.switchboard.server.xmpp.session;

import io.switchboard.server.xmpp.Jid;
import io.switchboard.server.xmpp.xml.XmlElement;

/**
 * One authenticated, resource-bound client connection, as the IM layer sees it. Implemented
 * by the stream layer over a Netty channel.
 *
 * <p>Thread-safe: {@link #send} may be called from any thread (the channel serialises writes).
 */
public interface C2sSession {

    /** The full JID bound to this connection ({@code user@domain/resource}). */
    Jid jid();

    /** Unique id of this connection (the stream id), for logs and maps. */
    String id();

    /** Writes one stanza (its namespace must be {@code jabber:client}) to the client. */
    void send(XmlElement stanza);

    /**
     * Closes the stream with a stream error (RFC 6120 §4.9), e.g. {@code conflict} when a new
     * connection takes over this resource, or {@code system-shutdown}; null closes cleanly.
     */
    void close(StreamErrorCondition condition, String text);

    boolean isOpen();
}
