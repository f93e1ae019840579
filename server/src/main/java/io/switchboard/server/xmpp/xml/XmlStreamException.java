package io.switchboard.server.xmpp.xml;

import io.netty.handler.codec.DecoderException;
import io.switchboard.server.xmpp.session.StreamErrorCondition;

/**
 * The client's XML cannot be accepted; {@link #condition()} is the stream error to answer with.
 * Extends {@link DecoderException} so Netty passes it through to {@code exceptionCaught} unwrapped.
 */
public class XmlStreamException extends DecoderException {
    private static final long serialVersionUID = 1L;

    private final transient StreamErrorCondition condition;

    public XmlStreamException(StreamErrorCondition condition, String message) {
        super(message);
        this.condition = condition;
    }

    public XmlStreamException(StreamErrorCondition condition, String message, Throwable cause) {
        super(message, cause);
        this.condition = condition;
    }

    public StreamErrorCondition condition() {
        return condition;
    }
}
