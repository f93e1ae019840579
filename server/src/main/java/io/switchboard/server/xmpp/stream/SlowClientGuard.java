package io.switchboard.server.xmpp.stream;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.ScheduledFuture;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose outbound buffer stays above the high-water mark for too long: a client
 * that stops reading must not hold server memory. Per channel; runs on its event loop.
 */
final class SlowClientGuard extends ChannelDuplexHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SlowClientGuard.class);

    private final Duration timeout;
    private ScheduledFuture<?> pendingClose;

    SlowClientGuard(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (!ctx.channel().isWritable()) {
            if (pendingClose == null) {
                pendingClose = ctx.executor().schedule(() -> {
                    if (!ctx.channel().isWritable()) {
                        LOG.info("{} has not read its stream for {}; closing", ctx.channel().remoteAddress(), timeout);
                        ctx.close();
                    }
                }, timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } else if (pendingClose != null) {
            pendingClose.cancel(false);
            pendingClose = null;
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (pendingClose != null) {
            pendingClose.cancel(false);
        }
        super.channelInactive(ctx);
    }
}
