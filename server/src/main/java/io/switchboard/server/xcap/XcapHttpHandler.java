package io.switchboard.server.xcap;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.ReadTimeoutException;
import io.switchboard.core.event.SerialExecutor;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of the XCAP pipeline: turns an aggregated HTTP request into an {@link XcapRequest},
 * hands it to the {@link XcapService} on a worker (store access blocks), and writes the answer
 * back, keeping the connection when the client asked for it. A request the codec could not
 * decode gets 400 and the connection closed. One instance per connection; its requests run one
 * after the other ({@link SerialExecutor} over the workers), so pipelined requests are answered
 * in order (RFC 9112 §9.3.2), and reading stops while {@link #MAX_QUEUED} wait.
 */
final class XcapHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(XcapHttpHandler.class);

    /** Pipelined requests of one connection waiting for a worker before it stops reading. */
    static final int MAX_QUEUED = 4;

    private final XcapService service;
    private final Executor serial;
    private final AtomicInteger queued = new AtomicInteger();

    XcapHttpHandler(XcapService service, Executor workers) {
        this.service = service;
        this.serial = new SerialExecutor(workers);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest http) {
        boolean keepAlive = HttpUtil.isKeepAlive(http);
        if (http.decoderResult().isFailure()) {
            write(ctx, XcapResult.text(400, "malformed HTTP request"), false);
            return;
        }
        XcapRequest request = new XcapRequest(http.method().name(), http.uri(),
                http.headers().getAll(HttpHeaderNames.AUTHORIZATION),
                Optional.ofNullable(http.headers().get(HttpHeaderNames.CONTENT_TYPE)).map(XcapHttpHandler::mediaType),
                Optional.ofNullable(http.headers().get(HttpHeaderNames.IF_MATCH)),
                ByteBufUtil.getBytes(http.content()),
                ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress());
        if (queued.incrementAndGet() >= MAX_QUEUED) {
            ctx.channel().config().setAutoRead(false);
        }
        try {
            serial.execute(() -> {
                XcapResult result;
                try {
                    result = service.handle(request);
                } catch (RuntimeException e) {
                    LOG.error("XCAP {} {} failed", request.method(), request.target(), e);
                    result = XcapResult.text(500, "internal error");
                }
                write(ctx, result, keepAlive);
                if (queued.decrementAndGet() < MAX_QUEUED) {
                    ctx.channel().config().setAutoRead(true);
                }
            });
        } catch (RejectedExecutionException stopping) {
            write(ctx, XcapResult.text(503, "the server is stopping"), false);
        }
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static void write(ChannelHandlerContext ctx, XcapResult result, boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(result.status()), Unpooled.wrappedBuffer(result.body()));
        result.contentType().ifPresent(type -> response.headers().set(HttpHeaderNames.CONTENT_TYPE, type));
        result.etag().ifPresent(tag -> response.headers().set(HttpHeaderNames.ETAG, tag));
        for (Map.Entry<String, List<String>> header : result.headers().entrySet()) {
            response.headers().add(header.getKey(), header.getValue());
        }
        HttpUtil.setContentLength(response, result.body().length);
        HttpUtil.setKeepAlive(response, keepAlive);
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof ReadTimeoutException) {
            LOG.debug("XCAP connection from {} idle: closed", ctx.channel().remoteAddress());
        } else {
            LOG.debug("XCAP connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        }
        ctx.close();
    }
}
