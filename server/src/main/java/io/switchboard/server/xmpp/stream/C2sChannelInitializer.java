package io.switchboard.server.xmpp.stream;

import io.netty.handler.flush.FlushConsolidationHandler;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.switchboard.server.xmpp.xml.XmlStreamDecoder;

/**
 * Builds the pipeline of one client connection:
 * {@code [tls] → flush-consolidation → [idle] → xml-decoder → xml-encoder → slow-client-guard → stream}.
 * Presence fan-out writes many small stanzas to a connection from worker threads; consolidating
 * their flushes (Netty's {@link FlushConsolidationHandler}) turns a burst into one TLS record and
 * one system call instead of one per stanza.
 * The TLS handler is inserted at the front on {@code <starttls/>}, the idle handler after
 * authentication (before it, an absolute deadline applies). Runs on the new channel's event loop.
 */
final class C2sChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final C2sDependencies deps;
    private final ChannelGroup connections;

    C2sChannelInitializer(C2sDependencies deps, ChannelGroup connections) {
        this.deps = deps;
        this.connections = connections;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        connections.add(ch);
        ch.pipeline()
                .addLast("flush-consolidation", new FlushConsolidationHandler(
                        FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true))
                .addLast(C2sStreamHandler.DECODER, new XmlStreamDecoder(deps.settings().xmlLimits()))
                .addLast("xml-encoder", XmlOutboundEncoder.INSTANCE)
                .addLast("slow-client-guard", new SlowClientGuard(deps.settings().slowClientTimeout()))
                .addLast("stream", new C2sStreamHandler(deps));
    }
}
