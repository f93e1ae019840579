package io.switchboard.server;

import io.switchboard.core.model.DirectoryLocation;
import io.switchboard.server.cli.ServerRuntime;
import io.switchboard.server.config.C2sConfig;
import io.switchboard.server.config.ConfigException;
import io.switchboard.server.config.ServerConfig;
import io.switchboard.server.config.UserDirectoryConfig;
import io.switchboard.server.demo.BotTimings;
import io.switchboard.server.demo.DemoBots;
import io.switchboard.server.directory.DirectoryPasswordVerifier;
import io.switchboard.server.directory.ServerDirectory;
import io.switchboard.server.sip.SipServices;
import io.switchboard.server.sip.mwi.Mailboxes;
import io.switchboard.server.xcap.XcapServer;
import io.switchboard.server.store.ObservableRosterStore;
import io.switchboard.server.store.jdbc.Database;
import io.switchboard.server.store.jdbc.JdbcOfflineMessageStore;
import io.switchboard.server.store.jdbc.JdbcRosterStore;
import io.switchboard.server.store.CredentialCachingUserStore;
import io.switchboard.server.store.OfflineEmptinessCachingStore;
import io.switchboard.server.store.UserStore;
import io.switchboard.server.store.jdbc.JdbcUserStore;
import io.switchboard.server.store.jdbc.JdbcVoiceMailboxStore;
import io.switchboard.server.store.jdbc.JdbcDeskLineStore;
import io.switchboard.server.store.jdbc.JdbcDirectoryPeopleStore;
import io.switchboard.server.store.DeskLineStore;
import io.switchboard.server.store.StoreException;
import io.switchboard.server.store.VoiceMailbox;
import io.switchboard.server.tls.CertificateManager;
import io.switchboard.server.xmpp.im.ImRouter;
import io.switchboard.server.xmpp.im.presence.PresenceEngine;
import io.switchboard.server.xmpp.sasl.AuthFailureLimiter;
import io.switchboard.server.xmpp.sasl.CredentialLookup;
import io.switchboard.server.xmpp.sasl.PasswordVerifier;
import io.switchboard.server.xmpp.sasl.SaslMechanisms;
import io.switchboard.server.xmpp.sasl.ScramNonces;
import io.switchboard.server.xmpp.sasl.StoredPasswordVerifier;
import io.switchboard.server.xmpp.sasl.UnknownUserCredentials;
import io.switchboard.server.xmpp.stream.C2sServer;
import io.switchboard.server.xmpp.stream.C2sSettings;
import io.switchboard.sip.stack.SipStackException;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of the server: builds the stores on the database, the IM layer, and the
 * XMPP listener with the certificate, from one {@link ServerConfig}. It owns the worker pool
 * that runs blocking work (storage) off the Netty event loops. The database belongs to the
 * caller, who closes it after {@link #stop()}.
 */
public final class SwitchboardServer implements ServerRuntime, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SwitchboardServer.class);
    /** Workers beyond the database pool would only queue for a connection. */
    private static final int MIN_WORKERS = 4;

    private final ServerConfig config;
    private final ExecutorService workers;
    private final ImRouter router;
    private final C2sServer c2s;
    /** Null when SIP is disabled. */
    private final SipServices sip;
    private final Mailboxes mailboxes;
    private final DeskLineStore deskLines;
    /** Null when XCAP (or SIP) is disabled. */
    private final XcapServer xcap;
    /** Null without a directory ({@code directory.source: NONE}). */
    private final ServerDirectory directory;
    /** Null unless demo mode with bots is on. */
    private final DemoBots demoBots;
    private final ScheduledExecutorService demoScheduler;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private SwitchboardServer(ServerConfig config, Database database, CertificateManager certificates) {
        this.config = Objects.requireNonNull(config, "config");
        this.workers = Executors.newFixedThreadPool(
                Math.max(MIN_WORKERS, config.database().maximumPoolSize()), new NamedDaemonThreads("im-worker"));
        // credentials and "no offline messages" in memory: every SIP REGISTER reads both (ADR 0014)
        UserStore users = new CredentialCachingUserStore(new JdbcUserStore(database, config.domain()));
        // observable: an approval given over XMPP re-decides pending SIP watchers (ADR 0014)
        ObservableRosterStore rosters = new ObservableRosterStore(new JdbcRosterStore(database));
        this.directory = config.directory().source() == UserDirectoryConfig.Source.NONE ? null
                : new ServerDirectory(config.directory(), config.domain(),
                        new JdbcDirectoryPeopleStore(database, Clock.systemUTC()), users, Clock.systemUTC());
        this.router = new ImRouter(config.domain(), users, rosters,
                new OfflineEmptinessCachingStore(
                        new JdbcOfflineMessageStore(database, config.offlineMessages().quotaPerUser())),
                workers, Clock.systemUTC(), this::directoryLocation);
        this.c2s = c2s(config, certificates, users);
        this.mailboxes = new Mailboxes(new JdbcVoiceMailboxStore(database));
        this.deskLines = new JdbcDeskLineStore(database);
        this.sip = config.sip().enabled()
                ? SipServices.create(config.sip(), config.domain(), users, rosters, router.presenceEngine(),
                        router.watcherRequests(), router.messageRouter(), router.offlineMessages(), mailboxes,
                        deskLines, Clock.systemUTC(), config.sip().tls() ? certificates.sipTlsContext() : null)
                : null;
        // SIP clients answer watch requests over XCAP pres-rules, into the same decision (ADR 0019)
        this.xcap = sip != null && config.xcap().enabled()
                ? new XcapServer(config.xcap(), config.domain(), sip.digestVerifier(), users, rosters,
                        router.watcherDecisions(), this::directoryLocation, workers)
                : null;
        if (config.demo().botsEnabled()) {
            // one thread is plenty: bots only build stanzas and hand them to the router
            this.demoScheduler = Executors.newSingleThreadScheduledExecutor(new NamedDaemonThreads("demo-bots"));
            this.demoBots = new DemoBots(config.domain(), router, demoScheduler, BotTimings.defaults(), new Random());
        } else {
            this.demoScheduler = null;
            this.demoBots = null;
        }
    }

    /** The XMPP listener; with a directory, passwords are the directory's (ADR 0029). */
    private C2sServer c2s(ServerConfig config, CertificateManager certificates, UserStore users) {
        C2sSettings settings = c2sSettings(config);
        CredentialLookup lookup = new CredentialLookup(users, config.domain(), UnknownUserCredentials.withRandomSecret());
        Optional<PasswordVerifier> directoryPasswords = directory == null ? Optional.empty()
                : Optional.of(new DirectoryPasswordVerifier(directory, users, new StoredPasswordVerifier(lookup)));
        return new C2sServer(settings, certificates.serverSslContext(),
                new SaslMechanisms(lookup, ScramNonces.random(), directoryPasswords),
                new AuthFailureLimiter(settings.maxAuthFailuresPerAddress(), settings.authFailureWindow()), router,
                workers);
    }

    /** Builds the server; nothing listens until {@link #start()}. Matches {@code ServerRuntimeFactory}. */
    public static SwitchboardServer create(ServerConfig config, Database database, CertificateManager certificates) {
        return new SwitchboardServer(config, database, certificates);
    }

    static C2sSettings c2sSettings(ServerConfig config) {
        C2sConfig c = config.c2s();
        return C2sSettings.builder(config.domain())
                .bindHost(c.bindHost())
                .port(c.port())
                .tlsRequired(c.tlsRequired())
                .maxStanzaBytes(c.maxStanzaBytes())
                .preAuthTimeout(Duration.ofSeconds(c.authTimeoutSeconds()))
                .idleTimeout(Duration.ofSeconds(c.idleTimeoutSeconds()))
                .build();
    }

    @Override
    /**
     * @throws ConfigException when SIP cannot listen where configured (the port taken by another
     *                         SIP server, an address not on this machine): the message says what to change
     */
    public void start() throws InterruptedException, ConfigException {
        if (directory != null) {
            // before XMPP: sign-ins ask it
            directory.start();
        }
        try {
            startListeners();
        } catch (InterruptedException | ConfigException | RuntimeException e) {
            if (directory != null) {
                directory.close();
            }
            throw e;
        }
        if (demoBots != null) {
            demoBots.start();
        }
        LOG.info("Switchboard server for {} started: XMPP on {}:{}{}{}", config.domain(), config.c2s().bindHost(),
                c2sPort(), sip == null ? ", SIP disabled" : ", SIP on " + config.sip().host() + ":" + sipPort(),
                directory == null ? "" : directory.embedded().map(e -> ", directory on ldap://" + e.host() + ":"
                        + e.port() + "/" + e.peopleBase()).orElse(", directory " + config.directory().ldap().url()));
    }

    private void startListeners() throws InterruptedException, ConfigException {
        c2s.start();
        if (sip != null) {
            try {
                sip.start();
            } catch (SipStackException e) {
                c2s.stop();
                throw new ConfigException("SIP cannot listen on " + config.sip().host() + ":" + config.sip().port()
                        + (config.sip().tls() ? " (TLS: " + config.sip().tlsPort() + ")" : "")
                        + " (" + e.getMessage() + "). Is another SIP server running? Change sip.port"
                        + (config.sip().tls() ? " or sip.tls-port" : "") + ", or set "
                        + "sip.enabled: false, in server.yaml", e);
            }
        }
        if (xcap != null) {
            try {
                xcap.start();
            } catch (RuntimeException e) {
                sip.close();
                c2s.stop();
                throw new ConfigException("XCAP cannot listen on " + config.xcap().bindHost() + ":"
                        + config.xcap().port() + " (" + e.getMessage() + "). Change xcap.port, or set "
                        + "xcap.enabled: false, in server.yaml", e);
            }
        }
    }

    /** The SIP port actually bound (UDP and TCP); fails when SIP is disabled or not started. */
    public int sipPort() {
        if (sip == null) {
            throw new IllegalStateException("SIP is disabled in the configuration");
        }
        return sip.server().port();
    }

    /** The SIP TLS port actually bound; fails when SIP or its TLS is disabled or not started. */
    public int sipTlsPort() {
        if (sip == null) {
            throw new IllegalStateException("SIP is disabled in the configuration");
        }
        return sip.server().tlsPort();
    }

    /** The XCAP port actually bound; fails when XCAP is disabled or not started. */
    public int xcapPort() {
        if (xcap == null) {
            throw new IllegalStateException("XCAP is disabled in the configuration");
        }
        return xcap.boundPort();
    }

    /** The XMPP client port actually bound (the configured one, or the ephemeral one for port 0). */
    public int c2sPort() {
        return c2s.boundPort();
    }

    /** The SIP location service (registered contacts); fails when SIP is disabled. */
    public io.switchboard.server.sip.registrar.LocationService sipLocations() {
        if (sip == null) {
            throw new IllegalStateException("SIP is disabled in the configuration");
        }
        return sip.locations();
    }

    /** The SIP presence agent; fails when SIP is disabled. */
    public io.switchboard.server.sip.presence.PresenceAgent sipPresenceAgent() {
        if (sip == null) {
            throw new IllegalStateException("SIP is disabled in the configuration");
        }
        return sip.presenceAgent();
    }

    /**
     * Sets a user's voice mailbox counts (the server records no voicemail itself); message-summary
     * subscribers are notified at once (RFC 3842). For administration from within the process and
     * for tests; {@code switchboard-server mailbox set} does the same on a stopped server's database.
     */
    public void setVoiceMailbox(String username, int newMessages, int oldMessages) throws StoreException {
        mailboxes.set(username, new VoiceMailbox(newMessages, oldMessages));
    }

    /** Assigns desk line {@code line} (an account its phone registers as) to {@code owner}, for CTI control. */
    public void assignDeskLine(String line, String owner) throws StoreException {
        deskLines.assign(line, owner);
    }

    /** The desk line assignments. */
    @Override
    public Optional<String> directoryDescription() {
        return directory().flatMap(ServerDirectory::location).map(location -> location.url() + "/"
                + location.peopleBase());
    }

    /** Where clients find the people directory: advertised over XMPP and XCAP alike. */
    private Optional<DirectoryLocation> directoryLocation() {
        return directory == null ? Optional.empty() : directory.location();
    }

    /** The people directory, when one is configured. */
    public Optional<ServerDirectory> directory() {
        return Optional.ofNullable(directory);
    }

    public DeskLineStore deskLines() {
        return deskLines;
    }

    /** The CTI gateway; fails when SIP is disabled. */
    public io.switchboard.server.cti.CtiGateway ctiGateway() {
        if (sip == null) {
            throw new IllegalStateException("SIP is disabled");
        }
        return sip.cti();
    }

    /** The voice mailboxes, e.g. to read a user's counts. */
    public Mailboxes mailboxes() {
        return mailboxes;
    }

    public ServerConfig config() {
        return config;
    }

    /** Every user's composed presence. */
    public PresenceEngine presenceEngine() {
        return router.presenceEngine();
    }

    @Override
    public void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    /** Ends every stream with system-shutdown, then lets queued storage work finish. Idempotent. */
    @Override
    public synchronized void stop() {
        if (stopped.getCount() == 0) {
            return;
        }
        if (demoBots != null) {
            // before the workers stop, so their sign-outs reach the people watching them
            demoBots.close();
            demoScheduler.shutdownNow();
        }
        if (xcap != null) {
            xcap.stop();
        }
        if (sip != null) {
            sip.close();
        }
        c2s.stop();
        if (directory != null) {
            directory.close();
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Storage work still running after 10 s; stopping it");
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        stopped.countDown();
        LOG.info("Switchboard server for {} stopped", config.domain());
    }

    @Override
    public void close() {
        stop();
    }

    /** Daemon threads with readable names, so thread dumps say who is who. */
    private static final class NamedDaemonThreads implements java.util.concurrent.ThreadFactory {
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
