package io.switchboard.server.xmpp.xml;

/**
 * Limits {@link XmlStreamDecoder} enforces on hostile input.
 *
 * @param maxStanzaBytes largest top-level element (stanza or nonza) in bytes, and the most bytes
 *                       accepted between two top-level elements
 * @param maxDepth       deepest element nesting inside the stream element (a stanza is depth 1)
 */
public record XmlStreamLimits(int maxStanzaBytes, int maxDepth) {

    public static final int DEFAULT_MAX_STANZA_BYTES = 256 * 1024;
    public static final int DEFAULT_MAX_DEPTH = 32;

    public XmlStreamLimits {
        if (maxStanzaBytes < 1024) {
            throw new IllegalArgumentException("maxStanzaBytes must be at least 1024");
        }
        if (maxDepth < 2) {
            throw new IllegalArgumentException("maxDepth must be at least 2");
        }
    }

    public static XmlStreamLimits defaults() {
        return new XmlStreamLimits(DEFAULT_MAX_STANZA_BYTES, DEFAULT_MAX_DEPTH);
    }
}
