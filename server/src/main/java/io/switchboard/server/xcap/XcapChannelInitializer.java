package io.switchboard.server.xcap;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Builds the pipeline of one XCAP connection:
 * {@code idle → http codec → keep-alive → aggregator → xcap}. The codec bounds the request line
 * and the headers; the aggregator bounds the body (a larger one gets 413 and the connection is
 * closed before anything is parsed); a connection silent for {@link #IDLE_SECONDS} is closed.
 */
final class XcapChannelInitializer extends ChannelInitializer<SocketChannel> {

    static final int MAX_INITIAL_LINE = 4_096;
    static final int MAX_HEADERS = 8_192;
    static final int MAX_CHUNK = 8_192;
    static final int IDLE_SECONDS = 30;

    private final int maxBodyBytes;
    private final XcapService service;
    private final Executor workers;

    XcapChannelInitializer(int maxBodyBytes, XcapService service, Executor workers) {
        this.maxBodyBytes = maxBodyBytes;
        this.service = service;
        this.workers = workers;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline()
                .addLast("idle", new ReadTimeoutHandler(IDLE_SECONDS, TimeUnit.SECONDS))
                .addLast("http", new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADERS, MAX_CHUNK))
                .addLast("keep-alive", new HttpServerKeepAliveHandler())
                .addLast("aggregator", new HttpObjectAggregator(maxBodyBytes, true))
                .addLast("xcap", new XcapHttpHandler(service, workers));
    }
}
