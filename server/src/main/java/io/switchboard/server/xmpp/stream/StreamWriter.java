package io.switchboard.server.xmpp.stream;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.switchboard.server.xmpp.session.StreamErrorCondition;
import io.switchboard.server.xmpp.xml.XmlElement;
import io.switchboard.server.xmpp.xml.XmlEscape;

import java.util.List;

/**
 * Writes the stream-level XML of RFC 6120 §4: our stream header, features, stream errors and
 * the closing tag. Remembers whether our header went out for the current stream, because a stream
 * error must follow a header (RFC 6120 §4.9.1.1). Used on the channel's event loop only.
 */
final class StreamWriter {

    private static final String CLOSE = "</stream:stream>";

    private final Channel channel;
    private final String domain;
    private boolean headerSent;
    private boolean closing;

    StreamWriter(Channel channel, String domain) {
        this.channel = channel;
        this.domain = domain;
    }

    /** Sends our header for a new stream (also after each restart). */
    void header(String streamId) {
        channel.write(new StreamFragment("<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
                + " xmlns:stream='http://etherx.jabber.org/streams' id='" + XmlEscape.attribute(streamId)
                + "' from='" + XmlEscape.attribute(domain) + "' version='1.0' xml:lang='en'>"));
        headerSent = true;
    }

    /** A new stream begins (after STARTTLS or SASL): the next error needs a new header first. */
    void restart() {
        headerSent = false;
    }

    void features(List<XmlElement> features) {
        StringBuilder b = new StringBuilder(256).append("<stream:features>");
        for (XmlElement f : features) {
            f.writeTo(b, XmppNamespaces.CLIENT);
        }
        channel.writeAndFlush(new StreamFragment(b.append("</stream:features>").toString()));
    }

    /** Sends one element (stanza or nonza) and flushes. */
    void send(XmlElement element) {
        channel.writeAndFlush(element);
    }

    boolean isClosing() {
        return closing;
    }

    /** Sends a stream error and the closing tag, then closes the connection. */
    void error(StreamErrorCondition condition, String text, String streamId) {
        if (closing) {
            return;
        }
        closing = true;
        if (!headerSent) {
            header(streamId);
        }
        StringBuilder b = new StringBuilder(256).append("<stream:error><").append(condition.element())
                .append(" xmlns='").append(StreamErrorCondition.NAMESPACE).append("'/>");
        if (text != null && !text.isEmpty()) {
            b.append("<text xmlns='").append(StreamErrorCondition.NAMESPACE).append("' xml:lang='en'>");
            XmlEscape.text(text, b);
            b.append("</text>");
        }
        b.append("</stream:error>").append(CLOSE);
        channel.writeAndFlush(new StreamFragment(b.toString())).addListener(ChannelFutureListener.CLOSE);
    }

    /** Closes our side of the stream cleanly (RFC 6120 §4.4), then the connection. */
    void close(String streamId) {
        if (closing) {
            return;
        }
        closing = true;
        if (!headerSent) {
            header(streamId);
        }
        channel.writeAndFlush(new StreamFragment(CLOSE)).addListener(ChannelFutureListener.CLOSE);
    }
}
