package io.switchboard.server.xmpp.xml;

/** The client closed its stream with {@code </stream:stream>}; emitted by {@link XmlStreamDecoder}. */
public enum StreamEnd {
    INSTANCE
}
