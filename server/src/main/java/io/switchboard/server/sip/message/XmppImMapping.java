package io.switchboard.server.sip.message;

import io.switchboard.core.model.Address;
import io.switchboard.server.xmpp.Jid;
import io.switchboard.server.xmpp.im.Namespaces;
import io.switchboard.server.xmpp.xml.XmlElement;
import io.switchboard.sip.message.IsComposing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The XMPP side of the IM gateway (RFC 7572, RFC 3994 ↔ XEP-0085). Stateless.
 * <ul>
 * <li>Addresses: {@code sip:user@domain} ↔ {@code user@domain} (RFC 7572 §4); a SIP sender
 *     appears as the full JID {@code user@domain/sip:chat} ({@link #SIP_RESOURCE}).</li>
 * <li>Text: the MESSAGE's text/plain body ↔ {@code <body/>} (the one without xml:lang, else the
 *     first, RFC 7572 §5), Subject ↔ {@code <subject/>}; {@code <message type='chat'>} with
 *     {@code <active/>}, since a sent message means the sender stopped composing (XEP-0085 §5.1).</li>
 * <li>Typing: is-composing active ↔ {@code <composing/>}; idle ↔ {@code <paused/>}, and every
 *     other XEP-0085 state (active, inactive, gone) → idle: SIP knows only "typing or not".</li>
 * </ul>
 */
public final class XmppImMapping {

    /**
     * The resource of every SIP sender. A MESSAGE names no device (Contact is a transport address,
     * optional, and would leak the sender's IP to XMPP contacts), and one stable resource keeps one
     * conversation per SIP peer in XMPP clients. The {@code sip:} prefix marks it as a foreign
     * device, so replies to this full JID are routed back to SIP.
     */
    public static final String SIP_RESOURCE = "sip:chat";
    private static final String RECEIPTS = "urn:xmpp:receipts";

    /** The XMPP message for a SIP MESSAGE from local user {@code sender} to {@code recipient}. */
    public XmlElement toXmpp(Address sender, Address recipient, SipIm im) {
        XmlElement.Builder message = XmlElement.builder("message", Namespaces.CLIENT)
                .attr("from", Jid.of(sender, SIP_RESOURCE).toString())
                .attr("to", recipient.toString())
                .attr("type", "chat")
                .attr("id", "sip-" + UUID.randomUUID());
        if (im.composing().isPresent()) {
            String state = im.composing().get().isActive() ? "composing" : "paused";
            return message.child(state, Namespaces.CHAT_STATES).build();
        }
        im.subject().ifPresent(s -> message.textChild("subject", s));
        message.textChild("body", im.text().orElseThrow());
        return message.child("active", Namespaces.CHAT_STATES).build();
    }

    /**
     * What a stamped XMPP message becomes over SIP: its body, else its chat state; empty when it
     * has neither (a receipt, an empty message): nothing a SIP device could show.
     */
    public Optional<SipIm> fromXmpp(XmlElement message) {
        Optional<String> body = body(message);
        if (body.isPresent()) {
            return Optional.of(SipIm.text(body.get(), message.childText("subject").filter(s -> !s.isBlank())));
        }
        for (XmlElement child : message.elements()) {
            if (Namespaces.CHAT_STATES.equals(child.namespace())) {
                return Optional.of(SipIm.composing(child.name().equals("composing")
                        ? IsComposing.active(90) : IsComposing.idle()));
            }
        }
        return Optional.empty();
    }

    /** The local user who sent a stamped message ({@code from}), if it is a user at all. */
    public Optional<Address> sender(XmlElement message) {
        try {
            return message.optAttr("from").map(Jid::parse).flatMap(Jid::address);
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    /** When a stored message was first received: its XEP-0203 delay stamp, if readable. */
    public Optional<Instant> delayedSince(XmlElement message) {
        return message.child("delay", Namespaces.DELAY).flatMap(d -> d.optAttr("stamp")).flatMap(stamp -> {
            try {
                return Optional.of(OffsetDateTime.parse(stamp).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * The XEP-0184 receipt for a message a SIP device answered 2xx to, when its sender asked for
     * one: for SIP, the 2xx is the delivery report (RFC 3428 §7), so the XMPP sender sees
     * "delivered" as for an XMPP recipient. Empty when no receipt was asked for.
     */
    public Optional<XmlElement> receiptFor(XmlElement message) {
        Optional<String> id = message.optAttr("id");
        if (message.child("request", RECEIPTS).isEmpty() || id.isEmpty()) {
            return Optional.empty();
        }
        try {
            Jid sender = Jid.parse(message.attr("from"));
            Jid recipient = Jid.parse(message.attr("to")).bare();
            if (!sender.isFull()) {
                return Optional.empty();
            }
            return Optional.of(XmlElement.builder("message", message.namespace())
                    .attr("from", recipient.withResource(SIP_RESOURCE).toString())
                    .attr("to", sender.toString())
                    .attr("id", "sip-receipt-" + UUID.randomUUID())
                    .child(XmlElement.builder("received", RECEIPTS).attr("id", id.get()).build())
                    .build());
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    private static Optional<String> body(XmlElement message) {
        List<XmlElement> bodies = message.elements().stream()
                .filter(e -> e.name().equals("body") && e.namespace().equals(message.namespace())).toList();
        return bodies.stream().filter(b -> b.optAttr("xml:lang").isEmpty()).findFirst()
                .or(() -> bodies.stream().findFirst())
                .map(XmlElement::text)
                .filter(t -> !t.isEmpty());
    }
}
