package io.switchboard.server.xmpp.session;

import io.switchboard.server.xmpp.xml.XmlElement;

/**
 * The boundary between the stream layer (network, TLS, SASL, binding) and the IM layer
 * (roster, presence, messages, offline storage, disco, ping). The stream layer calls these
 * on the connection's Netty event-loop thread; the implementation must not block there: it
 * hands the work to its own workers (storage is blocking JDBC), keeping the order of one
 * session's stanzas.
 */
public interface StanzaRouter {

    /** A connection completed resource binding and may now send stanzas. */
    void sessionBound(C2sSession session);

    /**
     * One top-level stanza ({@code iq}, {@code message} or {@code presence} in
     * {@code jabber:client}) from a bound session. The stream layer has already stamped
     * {@code from} with the session's full JID and checked the size limit.
     */
    void stanzaReceived(C2sSession session, XmlElement stanza);

    /** The connection is gone, cleanly or not. Called once per bound session. */
    void sessionClosed(C2sSession session);
}
