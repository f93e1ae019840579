package io.switchboard.server.xmpp.stream;

import io.switchboard.server.xmpp.xml.XmlElement;

import java.util.List;

/** The {@code <stream:features/>} offered at each stage of negotiation (RFC 6120 §4.3.2). */
final class StreamFeatures {

    private static final String ROSTER_VERSIONING = "urn:xmpp:features:rosterver";

    private StreamFeatures() {
    }

    /** Before TLS: only STARTTLS when it is required, else STARTTLS and the mechanisms allowed in the clear. */
    static List<XmlElement> beforeTls(boolean required, List<String> mechanisms) {
        XmlElement.Builder starttls = XmlElement.builder("starttls", XmppNamespaces.TLS);
        if (required) {
            return List.of(starttls.child("required", XmppNamespaces.TLS).build());
        }
        return List.of(starttls.build(), mechanisms(mechanisms));
    }

    static List<XmlElement> authentication(List<String> mechanisms) {
        return List.of(mechanisms(mechanisms));
    }

    /**
     * After authentication: resource binding, the legacy session feature marked optional
     * (RFC 6121 appendix E), and roster versioning (RFC 6121 §2.6), which the IM layer implements.
     */
    static List<XmlElement> afterAuthentication() {
        return List.of(XmlElement.builder("bind", XmppNamespaces.BIND).build(),
                XmlElement.builder("session", XmppNamespaces.SESSION).child("optional", XmppNamespaces.SESSION).build(),
                XmlElement.builder("ver", ROSTER_VERSIONING).build());
    }

    private static XmlElement mechanisms(List<String> names) {
        XmlElement.Builder b = XmlElement.builder("mechanisms", XmppNamespaces.SASL);
        for (String n : names) {
            b.textChild("mechanism", n);
        }
        return b.build();
    }
}
