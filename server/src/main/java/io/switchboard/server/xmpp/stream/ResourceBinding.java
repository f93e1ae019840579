package io.switchboard.server.xmpp.stream;

import io.switchboard.core.model.InvalidAddressException;
import io.switchboard.server.xmpp.Jid;
import io.switchboard.server.xmpp.xml.XmlElement;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/** Resource binding (RFC 6120 §7): reads the client's request and builds the answers. */
final class ResourceBinding {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ResourceBinding() {
    }

    /** True for {@code <iq type='set'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></iq>}. */
    static boolean isBindRequest(XmlElement stanza) {
        return stanza.is("iq", XmppNamespaces.CLIENT) && "set".equals(stanza.attr("type"))
                && stanza.child("bind", XmppNamespaces.BIND).isPresent();
    }

    /** True for the legacy RFC 3921 session request, which needs only a result. */
    static boolean isSessionRequest(XmlElement stanza) {
        return stanza.is("iq", XmppNamespaces.CLIENT) && "set".equals(stanza.attr("type"))
                && stanza.child("session", XmppNamespaces.SESSION).isPresent();
    }

    /** The full JID to bind for this request, or empty when the requested resource is not acceptable. */
    static Optional<Jid> jidFor(XmlElement bindIq, Jid bare) {
        String requested = bindIq.child("bind", XmppNamespaces.BIND).flatMap(b -> b.childText("resource"))
                .map(String::strip).orElse("");
        String resource = requested.isEmpty() ? generatedResource() : requested;
        try {
            return Optional.of(Jid.parse(bare + "/" + resource));
        } catch (InvalidAddressException e) {
            return Optional.empty();
        }
    }

    static XmlElement result(XmlElement bindIq, Jid bound) {
        return XmlElement.builder("iq", XmppNamespaces.CLIENT).attr("type", "result").attr("id", bindIq.attr("id"))
                .child(XmlElement.builder("bind", XmppNamespaces.BIND).textChild("jid", bound.toString()).build())
                .build();
    }

    static XmlElement emptyResult(XmlElement iq, String from) {
        return XmlElement.builder("iq", XmppNamespaces.CLIENT).attr("type", "result").attr("id", iq.attr("id"))
                .attr("from", from).build();
    }

    static XmlElement badRequest(XmlElement iq) {
        return XmlElement.builder("iq", XmppNamespaces.CLIENT).attr("type", "error").attr("id", iq.attr("id"))
                .child(XmlElement.builder("error", XmppNamespaces.CLIENT).attr("type", "modify")
                        .child("bad-request", XmppNamespaces.STANZAS).build())
                .build();
    }

    private static String generatedResource() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return "switchboard-" + HexFormat.of().formatHex(b);
    }
}
