package io.switchboard.bench.load;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import io.netty.util.concurrent.EventExecutor;
import io.switchboard.bench.client.SimulatedUser;

/**
 * Open-loop presence load: a timer on one event loop sends as many changes as are due at the
 * target rate, whether or not earlier ones have arrived, so a slow server shows up as latency
 * and loss rather than as a lower offered rate. Every watcher that receives a marked change
 * records how long it took.
 */
public final class PresenceDriver implements Population.PresenceSink {

    private static final String[] SHOWS = {"away", "dnd", "chat", "xa"};
    private static final long TICK_MICROS = 1_000;

    private final Population population;
    private final RingRoster roster;
    private final EventExecutor ticker;
    private final double changesPerSecond;
    private final int totalChanges;
    private final SplittableRandom random;
    private final int[] expected;
    private final AtomicIntegerArray delivered;
    private final Recorder latencyMicros = new Recorder(3);
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong selfEchoes = new AtomicLong();
    private final AtomicLong lastReceiveNanos = new AtomicLong();
    private final CompletableFuture<Void> sendingDone = new CompletableFuture<>();
    private int sent;
    private long expectedTotal;
    private int skippedOffline;
    private long startNanos;
    private long lastSendNanos;

    public PresenceDriver(Population population, RingRoster roster, EventExecutor ticker,
                          double changesPerSecond, Duration duration, long seed) {
        this.population = population;
        this.roster = roster;
        this.ticker = ticker;
        this.changesPerSecond = changesPerSecond;
        this.totalChanges = (int) Math.round(changesPerSecond * duration.toNanos() / 1e9);
        this.random = new SplittableRandom(seed);
        this.expected = new int[totalChanges];
        this.delivered = new AtomicIntegerArray(totalChanges);
    }

    /** Sends all changes; completes when the last one is written. */
    public CompletableFuture<Void> start() {
        ticker.execute(() -> {
            startNanos = System.nanoTime();
            ScheduledFuture<?> timer = ticker.scheduleAtFixedRate(this::tick, 0, TICK_MICROS, TimeUnit.MICROSECONDS);
            sendingDone.whenComplete((v, e) -> timer.cancel(false));
        });
        return sendingDone;
    }

    /** Completes once every expected delivery arrived, or after {@code timeout} with what has arrived. */
    public CompletableFuture<Void> drained(Duration timeout) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        ScheduledFuture<?> poll = ticker.scheduleAtFixedRate(() -> {
            if (received.get() >= expectedTotal || System.nanoTime() >= deadline) {
                done.complete(null);
            }
        }, 0, 50, TimeUnit.MILLISECONDS);
        return done.whenComplete((v, e) -> poll.cancel(false));
    }

    private void tick() {
        long now = System.nanoTime();
        long due = Math.min(totalChanges, (long) ((now - startNanos) * changesPerSecond / 1e9) + 1);
        while (sent < due) {
            sendOne(sent++);
        }
        if (sent >= totalChanges) {
            lastSendNanos = System.nanoTime();
            sendingDone.complete(null);
        }
    }

    private void sendOne(int seq) {
        int index = random.nextInt(population.size());
        SimulatedUser sender = population.user(index);
        if (sender == null || !sender.isOnline()) {
            skippedOffline++;
            return;
        }
        int watchers = 0;
        for (int c : roster.contactsOf(index)) {
            SimulatedUser w = population.user(c);
            if (w != null && w.isOnline()) {
                watchers++;
            }
        }
        expected[seq] = watchers;
        expectedTotal += watchers;
        String show = SHOWS[random.nextInt(SHOWS.length)];
        String status = new PresenceMarker(seq, System.nanoTime()).statusText();
        sender.send("<presence><show>" + show + "</show><status>" + status + "</status></presence>");
    }

    @Override
    public void presence(SimulatedUser receiver, String fromBareJid, String status, long receivedNanos) {
        PresenceMarker marker = PresenceMarker.parse(status);
        if (marker == null || marker.sequence() >= totalChanges) {
            return;
        }
        if (fromBareJid.equals(receiver.account().bareJid())) {
            selfEchoes.incrementAndGet(); // RFC 6121 §4.4.2: the sender's own resources get it too
            return;
        }
        delivered.incrementAndGet(marker.sequence());
        received.incrementAndGet();
        latencyMicros.recordValue(Math.max(0, (receivedNanos - marker.sentNanos()) / 1_000));
        lastReceiveNanos.accumulateAndGet(receivedNanos, Math::max);
    }

    /** The outcome; call after {@link #drained} completed. Runs on the ticker so sender fields are read safely. */
    public CompletableFuture<Outcome> outcome() {
        return CompletableFuture.supplyAsync(this::computeOutcome, ticker);
    }

    private Outcome computeOutcome() {
        long lost = 0;
        long duplicated = 0;
        for (int i = 0; i < sent; i++) {
            int d = delivered.get(i) - expected[i];
            if (d < 0) {
                lost -= d;
            } else {
                duplicated += d;
            }
        }
        double sendSeconds = (lastSendNanos - startNanos) / 1e9;
        double deliverySeconds = (Math.max(lastReceiveNanos.get(), lastSendNanos) - startNanos) / 1e9;
        return new Outcome(sent - skippedOffline, skippedOffline, sendSeconds, expectedTotal, received.get(), lost,
                duplicated, selfEchoes.get(), deliverySeconds, latencyMicros.getIntervalHistogram());
    }

    /**
     * @param changesSent        presence changes written
     * @param skippedOffline     changes not sent because the picked user was not online
     * @param sendSeconds        how long sending took (target: duration)
     * @param deliveriesExpected sum over changes of the sender's online watchers
     * @param deliveriesReceived marked presences received from a contact
     * @param lost               expected but not received, per change
     * @param duplicated         received more often than expected, per change
     * @param selfEchoes         the sender's own copies (not counted as deliveries)
     * @param deliverySeconds    from the first send to the last delivery
     * @param latencyMicros      send-to-receive latency of each delivery
     */
    public record Outcome(long changesSent, long skippedOffline, double sendSeconds, long deliveriesExpected,
                          long deliveriesReceived, long lost, long duplicated, long selfEchoes,
                          double deliverySeconds, Histogram latencyMicros) {
    }
}
