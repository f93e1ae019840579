package io.switchboard.server.xmpp.im;

import io.switchboard.server.xmpp.Jid;
import io.switchboard.server.xmpp.xml.XmlElement;

/** Builders and readers for the stanzas the IM layer generates. */
public final class Stanzas {

    private Stanzas() {
    }

    /** The stanza's {@code type} attribute, or the empty string when absent. */
    public static String type(XmlElement stanza) {
        String type = stanza.attr("type");
        return type == null ? "" : type;
    }

    /** True for stanzas that must never be answered with an error (RFC 6120 §8.3.1). */
    public static boolean mustNotBounce(XmlElement stanza) {
        String type = type(stanza);
        return type.equals("error") || (stanza.name().equals("iq") && type.equals("result"));
    }

    /**
     * The error reply to {@code stanza} per RFC 6120 §8.3: same element and id, addresses
     * swapped, {@code type='error'}, the original content kept, then the error element.
     * When the original had no {@code to} (addressed to the account), the reply has no
     * {@code from}.
     */
    public static XmlElement error(XmlElement stanza, StanzaError error) {
        XmlElement.Builder b = stanza.toBuilder()
                .attr("type", "error");
        XmlElement swapped = b.build()
                .withAttribute("from", stanza.attr("to"))
                .withAttribute("to", stanza.attr("from"));
        XmlElement condition = XmlElement.builder(error.element(), Namespaces.STANZAS).build();
        XmlElement errorElement = XmlElement.builder("error", Namespaces.CLIENT)
                .attr("type", error.type())
                .child(condition)
                .build();
        return swapped.toBuilder().child(errorElement).build();
    }

    /** An empty {@code result} to an iq. */
    public static XmlElement iqResult(XmlElement iq) {
        return iqResult(iq, null);
    }

    /** A {@code result} to an iq carrying {@code payload} (may be null). */
    public static XmlElement iqResult(XmlElement iq, XmlElement payload) {
        XmlElement.Builder b = XmlElement.builder("iq", Namespaces.CLIENT)
                .attr("type", "result")
                .attr("id", iq.attr("id"))
                .attr("from", iq.attr("to"))
                .attr("to", iq.attr("from"));
        if (payload != null) {
            b.child(payload);
        }
        return b.build();
    }

    /** A presence stanza with no content; {@code type} null means available. */
    public static XmlElement presence(String type, Jid from, Jid to) {
        return XmlElement.builder("presence", Namespaces.CLIENT)
                .attr("type", type)
                .attr("from", from == null ? null : from.toString())
                .attr("to", to == null ? null : to.toString())
                .build();
    }

    /** A copy of {@code stanza} addressed from {@code from} to {@code to}. */
    public static XmlElement readdress(XmlElement stanza, Jid from, Jid to) {
        return stanza.withAttribute("from", from == null ? null : from.toString())
                .withAttribute("to", to == null ? null : to.toString());
    }
}
