package io.switchboard.server.xmpp.im;

/** XML namespaces the IM layer reads and writes. */
public final class Namespaces {

    public static final String CLIENT = "jabber:client";
    public static final String STANZAS = "urn:ietf:params:xml:ns:xmpp-stanzas";
    public static final String ROSTER = "jabber:iq:roster";
    public static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";
    public static final String DISCO_ITEMS = "http://jabber.org/protocol/disco#items";
    public static final String PING = "urn:xmpp:ping";
    public static final String DELAY = "urn:xmpp:delay";
    public static final String CHAT_STATES = "http://jabber.org/protocol/chatstates";
    /** The Switchboard client's richer availability, carried as a presence child. */
    public static final String SWITCHBOARD_PRESENCE = "urn:switchboard:presence:0";

    private Namespaces() {
    }
}
