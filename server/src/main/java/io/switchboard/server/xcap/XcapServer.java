package io.switchboard.server.xcap;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.DirectoryLocation;
import io.switchboard.server.config.XcapConfig;
import io.switchboard.server.presence.WatcherDecisions;
import io.switchboard.server.store.RosterStore;
import io.switchboard.server.store.UserStore;
import io.switchboard.server.xmpp.sasl.AuthFailureLimiter;
import io.switchboard.sip.auth.DigestVerifier;
import io.switchboard.sip.directory.DirectoryDocumentWriter;
import io.switchboard.sip.presence.xcap.PresRulesParser;
import io.switchboard.sip.presence.xcap.PresRulesWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The XCAP listener (RFC 4825) for pres-rules (RFC 5025) and the directory's location (ADR 0030): Netty's HTTP/1.1 codec with limits
 * ({@link XcapChannelInitializer}) and {@link XcapHttpHandler} handing each request to the
 * {@link XcapService} on the caller's workers (ADR 0019).
 *
 * <p>Threading like the XMPP listener: one acceptor and one I/O thread, created by {@link #start()}
 * and ended by {@link #stop()}; nothing blocking on them.
 */
public final class XcapServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(XcapServer.class);
    private static final int MAX_AUTH_FAILURES = 10;
    private static final Duration AUTH_FAILURE_WINDOW = Duration.ofMinutes(1);

    private final XcapConfig config;
    private final XcapService service;
    private final Executor workers;
    private EventLoopGroup acceptor;
    private EventLoopGroup io;
    private Channel serverChannel;

    /**
     * @param verifier  digest challenges and checks in the SIP realm (the same HA1s as SIP)
     * @param decisions where answers go: the one decision XMPP answers also take (ADR 0017)
     * @param directory where the company directory is, published to SIP clients (ADR 0030)
     * @param workers   runs the blocking part of each request; owned by the caller
     */
    public XcapServer(XcapConfig config, String domain, DigestVerifier verifier, UserStore users, RosterStore rosters,
                      WatcherDecisions decisions, Supplier<Optional<DirectoryLocation>> directory, Executor workers) {
        this.config = Objects.requireNonNull(config, "config");
        this.workers = Objects.requireNonNull(workers, "workers");
        Address.of("x", domain); // validates the domain early
        this.service = new XcapService(domain, XcapConfig.ROOT_PATH,
                new HttpDigestAuthenticator(verifier, users, new AuthFailureLimiter(MAX_AUTH_FAILURES,
                        AUTH_FAILURE_WINDOW)),
                new PresRulesDocuments(rosters, decisions, new PresRulesParser(config.maxDocumentBytes()),
                        new PresRulesWriter()),
                new DirectoryDocuments(directory, new DirectoryDocumentWriter()));
    }

    public synchronized void start() throws InterruptedException {
        if (serverChannel != null) {
            throw new IllegalStateException("already started");
        }
        acceptor = new NioEventLoopGroup(1, new DefaultThreadFactory("xcap-accept", true));
        io = new NioEventLoopGroup(1, new DefaultThreadFactory("xcap-io", true));
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, io)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 128)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new XcapChannelInitializer(config.maxDocumentBytes(), service, workers));
        try {
            serverChannel = bootstrap.bind(new InetSocketAddress(config.bindHost(), config.port())).sync().channel();
        } catch (Exception e) {
            shutdownGroups();
            if (e instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            // Netty rethrows the bind's java.net.BindException unchecked-style: name it
            throw new IllegalStateException("cannot bind " + config.bindHost() + ":" + config.port() + ": " + e, e);
        }
        InetSocketAddress bound = (InetSocketAddress) serverChannel.localAddress();
        LOG.info("XCAP (pres-rules, directory location) listening on http://{}:{}{}", bound.getHostString(),
                bound.getPort(), XcapConfig.ROOT_PATH);
    }

    /** The port actually bound (the configured one, or the ephemeral one for port 0). */
    public synchronized int boundPort() {
        if (serverChannel == null) {
            throw new IllegalStateException("XCAP has not started");
        }
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    public synchronized void stop() {
        if (serverChannel == null) {
            return;
        }
        serverChannel.close().awaitUninterruptibly();
        shutdownGroups();
        serverChannel = null;
    }

    @Override
    public void close() {
        stop();
    }

    private void shutdownGroups() {
        acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        io.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
