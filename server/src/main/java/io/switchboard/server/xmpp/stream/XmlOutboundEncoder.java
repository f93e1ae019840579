package io.switchboard.server.xmpp.stream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import io.switchboard.server.xmpp.xml.XmlElement;

import java.util.List;

/**
 * Writes stanzas ({@link XmlElement}, serialised inside a {@code jabber:client} stream) and the
 * stream layer's own XML fragments ({@link StreamFragment}) as UTF-8 into pooled buffers.
 * Stateless and {@link Sharable}.
 */
@Sharable
final class XmlOutboundEncoder extends MessageToMessageEncoder<Object> {

    static final XmlOutboundEncoder INSTANCE = new XmlOutboundEncoder();

    @Override
    public boolean acceptOutboundMessage(Object msg) {
        return msg instanceof XmlElement || msg instanceof StreamFragment;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Object msg, List<Object> out) {
        String xml = msg instanceof XmlElement e ? e.toXml(XmppNamespaces.CLIENT) : ((StreamFragment) msg).xml();
        ByteBuf buf = ByteBufUtil.writeUtf8(ctx.alloc(), xml);
        out.add(buf);
    }
}
