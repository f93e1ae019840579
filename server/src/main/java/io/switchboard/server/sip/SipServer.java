package io.switchboard.server.sip;

import io.switchboard.server.config.SipConfig;
import io.switchboard.server.sip.transport.RequestProcessor;
import io.switchboard.server.sip.transport.SipMessaging;
import io.switchboard.server.sip.transport.SipRequestDispatcher;
import io.switchboard.server.sip.transport.SourceRateLimiter;
import io.switchboard.sip.stack.SipEndpoint;
import io.switchboard.sip.stack.SipStackException;
import io.switchboard.sip.stack.SipStackFactory;
import io.switchboard.sip.stack.SipStackSettings;
import io.switchboard.sip.stack.SipTlsSettings;
import io.switchboard.sip.stack.SipTransport;
import javax.net.ssl.SSLContext;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP listener: one JAIN-SIP stack on the configured address (UDP and TCP on one port, TLS on
 * its own with the server's certificate), its
 * {@link SipRequestDispatcher}, and the threads the SIP side runs on — a bounded worker pool
 * for request processing (a full queue answers 503 instead of growing without limit) and one
 * scheduler for timers (expiry sweeps, NOTIFY throttling). What runs on them is composed by
 * {@link SipServices}.
 */
public final class SipServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SipServer.class);
    private static final int WORKERS = 4;
    private static final int QUEUE = 10_000;

    private final SipConfig config;
    private final SipStackFactory stacks;
    private final SipMessaging messaging;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private final SipRequestDispatcher dispatcher;
    private final SSLContext tlsContext;
    private volatile SipEndpoint endpoint;

    public SipServer(SipConfig config, SipMessaging messaging, SipStackFactory stacks, Clock clock,
                     ExecutorService workers, ScheduledExecutorService timers,
                     Map<String, RequestProcessor> processors, RequestProcessor fallback) {
        this(config, messaging, stacks, clock, workers, timers, processors, fallback, null);
    }

    /**
     * @param tlsContext presents the server's certificate on the TLS port; needed when {@code config}
     *                   has TLS on, ignored otherwise
     */
    public SipServer(SipConfig config, SipMessaging messaging, SipStackFactory stacks, Clock clock,
                     ExecutorService workers, ScheduledExecutorService timers,
                     Map<String, RequestProcessor> processors, RequestProcessor fallback, SSLContext tlsContext) {
        this.config = Objects.requireNonNull(config, "config");
        if (config.tls() && tlsContext == null) {
            throw new IllegalArgumentException("SIP over TLS is configured but no TLS context was given");
        }
        this.tlsContext = tlsContext;
        this.messaging = Objects.requireNonNull(messaging, "messaging");
        this.stacks = Objects.requireNonNull(stacks, "stacks");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.timers = Objects.requireNonNull(timers, "timers");
        this.dispatcher = new SipRequestDispatcher(messaging, new SourceRateLimiter(config.rateLimit(), clock),
                config.maxMessageBytes(), processors, fallback, workers);
    }

    /** The bounded pool SIP requests are processed on. */
    public static ExecutorService newWorkerPool() {
        return new ThreadPoolExecutor(WORKERS, WORKERS, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(QUEUE), new NamedDaemonThreads("sip-worker"));
    }

    public static ScheduledExecutorService newTimer() {
        return java.util.concurrent.Executors.newSingleThreadScheduledExecutor(new NamedDaemonThreads("sip-timer"));
    }

    public void start() throws SipStackException {
        Set<SipTransport> plain = config.plainTransports();
        SipStackSettings settings = SipStackSettings.loopback("sip-server")
                .withHost(config.host())
                .withPort(config.port())
                .withMaxMessageSize(config.maxMessageBytes())
                // the server never reads an answered transaction back: keep its bytes only
                .withLeanTransactions(true);
        if (config.tls()) {
            settings = settings.withTls(new SipTlsSettings(tlsContext, config.tlsPort()));
        }
        // TLS-only is allowed: then the stack listens on the TLS port alone
        settings = settings.withTransports(config.transports());
        SipEndpoint started = stacks.start(settings, dispatcher);
        // a stateful proxy and presence agent keeps its own state; JAIN-SIP's automatic dialogs
        // would answer and track INVITE/SUBSCRIBE dialogs behind our back
        started.provider().setAutomaticDialogSupportEnabled(false);
        messaging.bind(started);
        endpoint = started;
        LOG.info("SIP listening on {}:{} {}{}", config.host(), started.port(), plain,
                config.tls() ? ", TLS on " + config.host() + ":" + started.port(SipTransport.TLS) : "");
    }

    /** The port actually bound (the configured one, or the ephemeral one for port 0). */
    public int port() {
        SipEndpoint e = endpoint;
        if (e == null) {
            throw new IllegalStateException("SIP has not started");
        }
        return e.port();
    }

    /** The TLS port actually bound; fails when TLS is off or SIP has not started. */
    public int tlsPort() {
        SipEndpoint e = endpoint;
        if (e == null) {
            throw new IllegalStateException("SIP has not started");
        }
        return e.port(SipTransport.TLS);
    }

    @Override
    public void close() {
        SipEndpoint e = endpoint;
        endpoint = null;
        timers.shutdownNow();
        if (e != null) {
            e.close();
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException ex) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static final class NamedDaemonThreads implements ThreadFactory {
        private final String prefix;
        private final AtomicInteger next = new AtomicInteger(1);

        NamedDaemonThreads(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, prefix + "-" + next.getAndIncrement());
            t.setDaemon(true);
            return t;
        }
    }
}
