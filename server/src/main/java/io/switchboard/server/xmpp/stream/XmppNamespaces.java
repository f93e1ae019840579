package io.switchboard.server.xmpp.stream;

/** Namespaces of RFC 6120 stream negotiation. */
final class XmppNamespaces {
    static final String CLIENT = "jabber:client";
    static final String STREAMS = "http://etherx.jabber.org/streams";
    static final String STREAM_ERRORS = "urn:ietf:params:xml:ns:xmpp-streams";
    static final String TLS = "urn:ietf:params:xml:ns:xmpp-tls";
    static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";
    static final String BIND = "urn:ietf:params:xml:ns:xmpp-bind";
    static final String SESSION = "urn:ietf:params:xml:ns:xmpp-session";
    static final String STANZAS = "urn:ietf:params:xml:ns:xmpp-stanzas";

    private XmppNamespaces() {
    }
}
