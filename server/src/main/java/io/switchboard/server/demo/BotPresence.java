package io.switchboard.server.demo;

import io.switchboard.server.xmpp.im.Namespaces;
import io.switchboard.server.xmpp.xml.XmlElement;

import java.util.Objects;

/**
 * One presence a demo bot can show: the plain XMPP {@code <show/>} every client understands,
 * the Switchboard availability that says more (on the phone, in a meeting, busy), and a note.
 *
 * @param show         RFC 6121 show value, or empty for plainly available
 * @param availability the {@code urn:switchboard:presence:0} availability value
 * @param note         the status text people read in the buddy list; may be empty
 */
public record BotPresence(String show, String availability, String note) {

    public BotPresence {
        Objects.requireNonNull(show, "show");
        Objects.requireNonNull(availability, "availability");
        Objects.requireNonNull(note, "note");
    }

    /** Whether a person in this state would answer a chat only briefly, as "later". */
    public boolean occupied() {
        return !availability.equals("available") && !availability.equals("away");
    }

    /** The available presence stanza a client sends to announce this state. */
    public XmlElement toStanza() {
        XmlElement.Builder b = XmlElement.builder("presence", Namespaces.CLIENT);
        if (!show.isEmpty()) {
            b.textChild("show", show);
        }
        if (!note.isEmpty()) {
            b.textChild("status", note);
        }
        b.child(XmlElement.builder("availability", Namespaces.SWITCHBOARD_PRESENCE).text(availability).build());
        return b.build();
    }
}
