package io.switchboard.server.directory;

import io.switchboard.directory.DirectoryException;
import io.switchboard.directory.DirectoryPerson;
import io.switchboard.directory.DirectoryUnreachableException;
import io.switchboard.directory.PagedSearch;
import io.switchboard.directory.PeopleDirectory;
import io.switchboard.core.model.DirectoryLocation;
import io.switchboard.server.config.ConfigException;
import io.switchboard.server.config.LdapSourceConfig;
import io.switchboard.server.config.UserDirectoryConfig;
import io.switchboard.server.store.DirectoryPeopleStore;
import io.switchboard.server.store.StoreException;
import io.switchboard.server.store.SyncRun;
import io.switchboard.server.store.UserStore;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's people directory (ADR 0029): the embedded directory or an external one, the client
 * that reads it, and the synchronisation that runs on its own thread — a full run at start, then
 * every {@code sync-interval-minutes} an incremental one, every {@link #FULL_EVERY}th run full.
 * It is itself the {@link PeopleDirectory} the rest of the server uses (sign-in): before
 * {@link #start()} and after {@link #close()} it answers "unreachable".
 */
public final class ServerDirectory implements PeopleDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(ServerDirectory.class);
    /** Removals show in full runs only; one in this many scheduled runs is full. */
    static final int FULL_EVERY = 8;

    private final UserDirectoryConfig config;
    private final String domain;
    private final DirectoryPeopleStore people;
    private final UserStore users;
    private final Clock clock;
    private volatile OpenDirectory opened;
    private volatile PeopleDirectory client;
    private ScheduledExecutorService syncThread;
    private DirectorySync sync;
    private int runs;

    public ServerDirectory(UserDirectoryConfig config, String domain, DirectoryPeopleStore people, UserStore users,
                           Clock clock) {
        if (config.source() == UserDirectoryConfig.Source.NONE) {
            throw new IllegalArgumentException("no directory configured");
        }
        this.config = config;
        this.domain = Objects.requireNonNull(domain, "domain");
        this.people = Objects.requireNonNull(people, "people");
        this.users = Objects.requireNonNull(users, "users");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Starts the embedded directory (if that is the source), connects, and schedules synchronisation. */
    public synchronized void start() throws ConfigException {
        opened = OpenDirectory.open(config, domain, config.embeddedPort());
        client = opened.client();
        sync = new DirectorySync(client, people, users, domain, clock);
        syncThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "directory-sync");
            thread.setDaemon(true);
            return thread;
        });
        syncThread.execute(this::scheduledRun);
        if (config.syncIntervalMinutes() > 0) {
            syncThread.scheduleWithFixedDelay(this::scheduledRun, config.syncIntervalMinutes(),
                    config.syncIntervalMinutes(), TimeUnit.MINUTES);
        }
    }

    /**
     * Where clients find the directory to search it (advertised in the server's disco#info):
     * the embedded one at its address, read anonymously; an external one as configured. Empty
     * until started.
     */
    public Optional<DirectoryLocation> location() {
        Optional<EmbeddedDirectory> running = embedded();
        if (running.isPresent()) {
            EmbeddedDirectory e = running.get();
            return Optional.of(new DirectoryLocation("ldap://" + e.host() + ":" + e.port(), false, e.peopleBase(),
                    "openldap", Optional.empty(), Optional.of(config.numbering())));
        }
        if (opened == null) {
            return Optional.empty();
        }
        LdapSourceConfig ldap = config.ldap();
        return Optional.of(new DirectoryLocation(ldap.url(), ldap.startTls(), ldap.peopleBase(), ldap.profile(),
                ldap.clientBindDnTemplate().isBlank() ? Optional.empty() : Optional.of(ldap.clientBindDnTemplate()),
                Optional.of(config.numbering())));
    }

    /** The embedded directory, when that is the source (tests, the demo's printout). */
    public Optional<EmbeddedDirectory> embedded() {
        OpenDirectory current = opened;
        return current == null ? Optional.empty() : current.embedded();
    }

    /** Runs a synchronisation now, after any run in progress, and returns what it did. */
    public SyncRun syncNow(boolean full) throws StoreException, InterruptedException {
        Future<SyncRun> run;
        synchronized (this) {
            if (syncThread == null) {
                throw new IllegalStateException("the directory is not started");
            }
            run = syncThread.submit(() -> full ? sync.full(progress()) : sync.incremental(progress()));
        }
        try {
            return run.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StoreException store) {
                throw store;
            }
            throw new IllegalStateException("directory sync failed", e.getCause());
        }
    }

    private void scheduledRun() {
        boolean full = runs++ % FULL_EVERY == 0;
        try {
            if (full) {
                sync.full(progress());
            } else {
                sync.incremental(progress());
            }
        } catch (StoreException | RuntimeException e) {
            LOG.warn("Directory sync failed: {}", e.toString());
        }
    }

    private static java.util.function.IntConsumer progress() {
        return seen -> {
            if (seen % 5000 == 0) {
                LOG.info("Directory sync: {} people read", seen);
            }
        };
    }

    private PeopleDirectory client() throws DirectoryUnreachableException {
        PeopleDirectory current = client;
        if (current == null) {
            throw new DirectoryUnreachableException("The directory is not connected (the server is starting or stopping)");
        }
        return current;
    }

    @Override
    public DirectoryPerson authenticate(String username, char[] password) throws DirectoryException {
        return client().authenticate(username, password);
    }

    @Override
    public Optional<DirectoryPerson> byUsername(String username) throws DirectoryException {
        return client().byUsername(username);
    }

    @Override
    public PagedSearch search(String text, int pageSize) throws DirectoryException {
        return client().search(text, pageSize);
    }

    @Override
    public PagedSearch searchByPhone(String number, int pageSize) throws DirectoryException {
        return client().searchByPhone(number, pageSize);
    }

    @Override
    public void forEachPerson(Optional<Instant> changedSince, Consumer<DirectoryPerson> each) throws DirectoryException {
        client().forEachPerson(changedSince, each);
    }

    @Override
    public synchronized void close() {
        if (syncThread != null) {
            syncThread.shutdownNow();
            try {
                syncThread.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            syncThread = null;
        }
        client = null;
        if (opened != null) {
            opened.close();
            opened = null;
        }
    }
}
