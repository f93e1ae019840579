package io.switchboard.bench.load;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.bench.client.Account;
import io.switchboard.bench.client.LoadClient;
import io.switchboard.bench.client.SessionListener;
import io.switchboard.bench.client.SimulatedUser;

/**
 * All simulated users of one run. Logs them in with at most {@code maxInFlight} logins under
 * way at once, so a server is never asked for thousands of TLS handshakes in the same instant
 * and logins do not time out for reasons the measurement is not about.
 */
public final class Population implements SessionListener {

    /** Receives the presence stanzas of online users; set before the measurement starts. */
    public interface PresenceSink {
        void presence(SimulatedUser receiver, String fromBareJid, String status, long receivedNanos);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Population.class);

    private final LoadClient client;
    private final List<Account> accounts;
    private final int maxInFlight;
    private final SimulatedUser[] users;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger online = new AtomicInteger();
    private final AtomicInteger failedLogins = new AtomicInteger();
    private final AtomicInteger droppedAfterLogin = new AtomicInteger();
    private final AtomicInteger settledLogins = new AtomicInteger();
    private final AtomicLong rosterItemsSeen = new AtomicLong();
    private final Map<String, AtomicInteger> failureReasons = new ConcurrentHashMap<>();
    private final Recorder loginMillis = new Recorder(3);
    private final CompletableFuture<Void> settled = new CompletableFuture<>();
    private volatile PresenceSink sink = (r, f, s, n) -> { };
    private volatile long rampStartNanos;
    private volatile long rampEndNanos;

    public Population(LoadClient client, List<Account> accounts, int maxInFlight) {
        this.client = client;
        this.accounts = List.copyOf(accounts);
        this.maxInFlight = maxInFlight;
        this.users = new SimulatedUser[accounts.size()];
    }

    /** Starts every login; completes when each has either come online or failed. */
    public CompletableFuture<Void> connectAll() {
        rampStartNanos = System.nanoTime();
        if (accounts.isEmpty()) {
            settled.complete(null);
        }
        for (int i = 0; i < Math.min(maxInFlight, accounts.size()); i++) {
            startNext();
        }
        return settled;
    }

    private void startNext() {
        int i = next.getAndIncrement();
        if (i < accounts.size()) {
            Account a = accounts.get(i);
            users[a.index()] = client.connect(a, this, true);
        }
    }

    public void presenceSink(PresenceSink newSink) {
        this.sink = newSink;
    }

    public SimulatedUser user(int index) {
        return users[index];
    }

    public int size() {
        return accounts.size();
    }

    public int online() {
        return online.get();
    }

    public int failedLogins() {
        return failedLogins.get();
    }

    public int droppedAfterLogin() {
        return droppedAfterLogin.get();
    }

    public Map<String, Integer> failureReasons() {
        Map<String, Integer> copy = new TreeMap<>();
        failureReasons.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    public Histogram loginMillis() {
        return loginMillis.getIntervalHistogram();
    }

    public long rampNanos() {
        return rampEndNanos - rampStartNanos;
    }

    public long rosterItemsSeen() {
        return rosterItemsSeen.get();
    }

    /** Ends every session politely. */
    public void closeAll() {
        for (SimulatedUser u : users) {
            if (u != null) {
                u.close();
            }
        }
    }

    @Override
    public void online(SimulatedUser user, int rosterSize, long connectStartNanos, long onlineNanos) {
        rosterItemsSeen.addAndGet(rosterSize);
        loginMillis.recordValue(Math.max(0, (onlineNanos - connectStartNanos) / 1_000_000));
        online.incrementAndGet();
        settleOne();
    }

    @Override
    public void failed(SimulatedUser user, String phase, String reason) {
        String key = phase + ": " + (reason.length() > 120 ? reason.substring(0, 120) : reason);
        failureReasons.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        if ("ONLINE".equals(phase)) {
            online.decrementAndGet();
            droppedAfterLogin.incrementAndGet();
            LOG.warn("{} dropped after login: {}", user.account().username(), reason);
            return;
        }
        int failures = failedLogins.incrementAndGet();
        if (failures <= 5) {
            LOG.warn("login of {} failed in {}: {}", user.account().username(), phase, reason);
        }
        settleOne();
    }

    private void settleOne() {
        int done = settledLogins.incrementAndGet();
        if (done % 1000 == 0) {
            LOG.info("logins settled: {} online, {} failed, of {}", online.get(), failedLogins.get(), accounts.size());
        }
        startNext();
        if (done >= accounts.size() && !settled.isDone()) {
            rampEndNanos = System.nanoTime();
            settled.complete(null);
        }
    }

    @Override
    public void presence(SimulatedUser receiver, String fromBareJid, String status, long receivedNanos) {
        sink.presence(receiver, fromBareJid, status, receivedNanos);
    }
}
