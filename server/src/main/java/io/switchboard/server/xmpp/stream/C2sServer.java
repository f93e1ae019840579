package io.switchboard.server.xmpp.stream;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.switchboard.server.store.UserStore;
import io.switchboard.server.xmpp.sasl.AuthFailureLimiter;
import io.switchboard.server.xmpp.sasl.CredentialLookup;
import io.switchboard.server.xmpp.sasl.SaslMechanisms;
import io.switchboard.server.xmpp.sasl.ScramNonces;
import io.switchboard.server.xmpp.sasl.UnknownUserCredentials;
import io.switchboard.server.xmpp.session.StanzaRouter;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The XMPP client-to-server listener (RFC 6120): Netty NIO, STARTTLS, SASL (SCRAM-SHA-256,
 * SCRAM-SHA-1, PLAIN over TLS), resource binding; bound sessions are handed to a {@link StanzaRouter}.
 *
 * <pre>{@code
 * C2sServer c2s = new C2sServer(C2sSettings.builder("example.com").port(5222).build(),
 *         sslContext, userStore, router, authWorkers);
 * c2s.start();
 * ...
 * c2s.stop();
 * }</pre>
 *
 * <p>Threading: one acceptor thread and {@link C2sSettings#ioThreads()} event-loop threads, created
 * by {@link #start()} and ended by {@link #stop()}. Each connection lives on one event loop; nothing
 * blocking runs there: credential lookups and password hashing run on {@code authWorkers} (a small
 * bounded pool owned by the caller, who also shuts it down), and the router is called on the event
 * loop and must hand its own blocking work elsewhere. {@code start()} and {@code stop()} may be
 * called from any thread, but not concurrently.
 */
public final class C2sServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(C2sServer.class);

    private final C2sDependencies deps;
    private EventLoopGroup acceptor;
    private EventLoopGroup workers;
    private ChannelGroup connections;
    private Channel serverChannel;

    /**
     * @param sslContext  the server's TLS context (built from a KeyManagerFactory or cert + key by the
     *                    composer); null only when {@code settings.tlsRequired()} is false
     * @param authWorkers executor for blocking credential lookups; must not be a Netty event loop
     */
    public C2sServer(C2sSettings settings, SslContext sslContext, UserStore users, StanzaRouter router,
                     Executor authWorkers) {
        this(settings, sslContext,
                new SaslMechanisms(new CredentialLookup(users, settings.domain(), UnknownUserCredentials.withRandomSecret()),
                        ScramNonces.random()),
                new AuthFailureLimiter(settings.maxAuthFailuresPerAddress(), settings.authFailureWindow()),
                router, authWorkers);
    }

    /** Full injection, e.g. for deterministic SCRAM nonces or a shared limiter. */
    public C2sServer(C2sSettings settings, SslContext sslContext, SaslMechanisms mechanisms,
                     AuthFailureLimiter limiter, StanzaRouter router, Executor authWorkers) {
        Objects.requireNonNull(settings, "settings");
        if (settings.tlsRequired() && sslContext == null) {
            throw new IllegalArgumentException("TLS is required but no SslContext was given");
        }
        if (sslContext != null && sslContext.isClient()) {
            throw new IllegalArgumentException("a server SslContext is needed");
        }
        this.deps = new C2sDependencies(settings, sslContext, Objects.requireNonNull(mechanisms),
                Objects.requireNonNull(limiter), Objects.requireNonNull(router), Objects.requireNonNull(authWorkers));
    }

    /** Binds the listening socket; returns once it accepts connections. */
    public synchronized C2sServer start() throws InterruptedException {
        if (serverChannel != null) {
            throw new IllegalStateException("already started");
        }
        C2sSettings s = deps.settings();
        acceptor = new NioEventLoopGroup(1, new DefaultThreadFactory("c2s-accept"));
        workers = new NioEventLoopGroup(s.ioThreads(), new DefaultThreadFactory("c2s-io"));
        connections = new DefaultChannelGroup("c2s", GlobalEventExecutor.INSTANCE);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 256)
                .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(s.writeBufferLowBytes(), s.writeBufferHighBytes()))
                .childHandler(new C2sChannelInitializer(deps, connections));
        try {
            serverChannel = bootstrap.bind(new InetSocketAddress(s.bindHost(), s.port())).sync().channel();
        } catch (RuntimeException | InterruptedException e) {
            shutdownGroups();
            throw e;
        }
        LOG.info("XMPP c2s for {} listening on {}", s.domain(), serverChannel.localAddress());
        return this;
    }

    /** The port actually bound (useful with port 0). */
    public synchronized int boundPort() {
        if (serverChannel == null) {
            throw new IllegalStateException("not started");
        }
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Stops accepting, ends every stream with {@code system-shutdown}, and releases the threads. */
    public synchronized void stop() {
        if (serverChannel == null) {
            return;
        }
        serverChannel.close().awaitUninterruptibly();
        for (Channel ch : connections) {
            ch.eventLoop().execute(() -> {
                C2sStreamHandler handler = ch.pipeline().get(C2sStreamHandler.class);
                if (handler != null) {
                    handler.shutdown();
                }
            });
        }
        if (!connections.newCloseFuture().awaitUninterruptibly(2, TimeUnit.SECONDS)) {
            connections.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        }
        shutdownGroups();
        serverChannel = null;
        LOG.info("XMPP c2s for {} stopped", deps.settings().domain());
    }

    @Override
    public void close() {
        stop();
    }

    private void shutdownGroups() {
        acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
