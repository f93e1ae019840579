package io.switchboard.server.xmpp.xml;

import java.util.Map;

/**
 * The opening {@code <stream:stream>} tag as the client sent it, emitted by {@link XmlStreamDecoder}.
 * The stream layer checks it (RFC 6120 §4.7, §4.8); the decoder itself does not judge it.
 *
 * @param localName        local name of the root element, {@code stream} when correct
 * @param namespace        namespace URI of the root element, {@code http://etherx.jabber.org/streams} when correct
 * @param prefix           prefix of the root element, {@code stream} by convention (empty when none)
 * @param contentNamespace the default namespace declared on the root, {@code jabber:client} for c2s; empty when none
 * @param attributes       attributes by qualified name ({@code to}, {@code version}, {@code xml:lang}, ...)
 */
public record StreamHeader(String localName, String namespace, String prefix, String contentNamespace,
                           Map<String, String> attributes) {

    public static final String STREAMS_NAMESPACE = "http://etherx.jabber.org/streams";

    public StreamHeader {
        attributes = Map.copyOf(attributes);
    }

    public String attr(String name) {
        return attributes.get(name);
    }
}
