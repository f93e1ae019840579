package io.switchboard.bench.client;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.string.StringEncoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;

/**
 * Connects {@link SimulatedUser}s to one XMPP server on the loopback interface, all sharing a
 * few event-loop threads.
 *
 * <p>TLS trusts any certificate: this tool only measures servers on 127.0.0.1 that present
 * throwaway self-signed certificates, and must not be reused as a client for anything else.
 */
public final class LoadClient implements AutoCloseable {

    private static final int MAX_ELEMENTS_PER_STANZA = 50_000;
    private static final int MAX_TEXT_PER_STANZA = 4 * 1024 * 1024;

    private final InetSocketAddress server;
    private final EventLoopGroup group;
    private final SslContext sslContext;
    private final long loginTimeoutMillis;

    public LoadClient(InetSocketAddress server, int threads, long loginTimeoutMillis) throws SSLException {
        if (!server.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("the load tool only targets loopback addresses, not " + server);
        }
        this.server = server;
        this.group = new NioEventLoopGroup(threads);
        this.loginTimeoutMillis = loginTimeoutMillis;
        this.sslContext = SslContextBuilder.forClient()
                .trustManager(InsecureTrustManagerFactory.INSTANCE)
                .protocols("TLSv1.3", "TLSv1.2")
                .build();
    }

    public EventLoopGroup eventLoops() {
        return group;
    }

    /** Starts the login of one user; progress and the outcome go to {@code listener}. */
    public SimulatedUser connect(Account account, SessionListener listener, boolean sendInitialPresence) {
        SimulatedUser user = new SimulatedUser(account, sslContext, listener, sendInitialPresence, System.nanoTime());
        Bootstrap b = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, loginTimeoutMillis))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast("encoder", new StringEncoder(StandardCharsets.UTF_8));
                        ch.pipeline().addLast("decoder", new XmppFrameDecoder(MAX_ELEMENTS_PER_STANZA, MAX_TEXT_PER_STANZA));
                        ch.pipeline().addLast("user", user);
                    }
                });
        ChannelFuture f = b.connect(server);
        f.addListener(done -> {
            if (!done.isSuccess()) {
                listener.failed(user, SimulatedUser.Phase.CONNECTING.name(), String.valueOf(done.cause()));
            } else {
                f.channel().eventLoop().schedule(user::timeOut, loginTimeoutMillis, TimeUnit.MILLISECONDS);
            }
        });
        return user;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
