package io.switchboard.server.sip.transport;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * What a UDP non-INVITE server transaction must remember to absorb retransmissions (RFC 3261
 * §17.2.2), kept compactly instead of as JAIN-SIP server transactions: per request, two 64-bit
 * keyed hashes of its transaction identity (§17.2.3) and the status of its answer, in primitive
 * arrays. A JAIN-SIP transaction kept for Timer J (32 s) after its answer holds ~2.5 KB in dozens
 * of objects; under 4,000 MESSAGE/s those were 180–250 MB of live heap and the serial collector's
 * full pauses that capped the rate (docs/benchmarks.md, 2026-12-07). Here a request costs ~40 bytes
 * and the collector sees a handful of arrays.
 *
 * <p>A plain answer (status and To tag only) is kept as its status and built again for a
 * retransmission; the To tag is derived from the key, so it is the same. Any other final response
 * is kept as its encoded bytes (~400–600 bytes; JAIN-SIP's object for it is several times that), in
 * a map: a SUBSCRIBE's 200 with Expires and Contact, a forked request's relayed answer.
 *
 * <p>Entries live in five generations of 8 s each and go with their generation, so an entry lives
 * 32–40 s from the request's first copy: as long as the client can retransmit (Timer F, 64·T1).
 * Thread-safe; every operation is a few array probes under one lock.
 */
final class AnswerMemory {

    /** Outcome of {@link #arrive}. */
    sealed interface Seen permits First, InProgress, Answered, Full { }

    /** A request not seen before, now remembered as in progress: process it. */
    record First() implements Seen { }

    /** A retransmission of a request not answered yet: drop it, the first copy will answer. */
    record InProgress() implements Seen { }

    /**
     * A retransmission of an answered request: send the same answer again — the plain response of
     * {@code status}, or, when {@code kept} is not null, those bytes (the answer as it was encoded).
     */
    record Answered(int status, byte[] kept) implements Seen {

        @Override
        public boolean equals(Object other) {
            return other instanceof Answered answered && answered.status == status && Arrays.equals(answered.kept, kept);
        }

        @Override
        public int hashCode() {
            return 31 * status + Arrays.hashCode(kept);
        }

        @Override
        public String toString() {
            return "Answered[" + status + (kept == null ? "" : ", " + kept.length + " bytes kept") + "]";
        }
    }

    /** No room to remember another request: refuse it (503) rather than risk processing it twice. */
    record Full() implements Seen { }

    /** A request's transaction identity, hashed with this memory's secret seeds. */
    record Key(long high, long low) {

        /** A To tag for this request's responses, the same every time it is asked for. */
        String toTag() {
            return Long.toHexString(mix(high * 0x9E3779B97F4A7C15L ^ low));
        }
    }

    static final long SPAN_NANOS = TimeUnit.SECONDS.toNanos(8);
    static final int GENERATIONS = 5;
    private static final int INITIAL_CAPACITY = 1 << 12;
    /** Slots of one generation at most (half used): 1M requests in 8 s, 131,000 a second. */
    static final int MAX_CAPACITY = 1 << 21;

    private static final int EMPTY = 0;
    private static final int IN_PROGRESS = 1;
    private static final int KEPT_WHOLE = 2;
    private static final int FORGOTTEN = 3;

    private static final First FIRST = new First();
    private static final InProgress IN_PROGRESS_SEEN = new InProgress();
    private static final Full FULL = new Full();

    private final LongSupplier nanoTime;
    private final int maxCapacity;
    private final long seedHigh;
    private final long seedLow;
    private final Generation[] generations = new Generation[GENERATIONS];
    /** Index of the newest generation in {@link #generations}. */
    private int newest;

    AnswerMemory() {
        this(System::nanoTime, MAX_CAPACITY);
    }

    AnswerMemory(LongSupplier nanoTime, int maxCapacity) {
        this.nanoTime = nanoTime;
        this.maxCapacity = maxCapacity;
        SecureRandom random = new SecureRandom();
        // secret seeds: nobody outside can make two identities hash alike on purpose
        this.seedHigh = random.nextLong();
        this.seedLow = random.nextLong();
        long now = nanoTime.getAsLong();
        for (int i = 0; i < GENERATIONS; i++) {
            generations[i] = new Generation(now - (long) (GENERATIONS - 1 - i) * SPAN_NANOS);
        }
        newest = GENERATIONS - 1;
    }

    /**
     * The key of {@code request}'s transaction: the top Via's branch, its sent-by and the method;
     * null for a branch without RFC 3261's magic cookie, whose retransmissions cannot be told apart
     * this way (such a request needs a real transaction).
     */
    Key keyOf(Request request) {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        String branch = via == null ? null : via.getBranch();
        if (branch == null || !branch.startsWith("z9hG4bK")) {
            return null;
        }
        String host = String.valueOf(via.getHost());
        int port = via.getPort();
        String method = request.getMethod();
        long high = hash(hash(hash(seedHigh, branch), host), method) + port;
        long low = hash(hash(hash(seedLow, method), host), branch) * 31 + port;
        return new Key(mix(high), mix(low));
    }

    /** Notes a copy of the request with {@code key} and says what to do with it. */
    synchronized Seen arrive(Key key) {
        rotate();
        for (int age = 0; age < GENERATIONS; age++) {
            Generation generation = generation(age);
            int slot = generation.find(key);
            if (slot < 0) {
                continue;
            }
            int state = generation.states[slot];
            if (state != FORGOTTEN) {
                return seen(generation, slot, state, key);
            }
            if (age == 0) {
                generation.states[slot] = IN_PROGRESS;
                return FIRST;
            }
            break;   // forgotten in an older generation: nothing newer holds it either
        }
        return generation(0).add(key, maxCapacity) ? FIRST : FULL;
    }

    /** The request with {@code key} was answered with a plain response of {@code status}. */
    synchronized void answered(Key key, int status) {
        set(key, status, null);
    }

    /** The request with {@code key} was answered with {@code response}, which a retransmission gets again. */
    void answered(Key key, Response response) {
        // encoded outside the lock; the header text is ASCII, a body (rare in a response) UTF-8 text
        byte[] encoded = response.toString().getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            set(key, KEPT_WHOLE, encoded);
        }
    }

    /** Forgets the request with {@code key}: a retransmission of it is processed again. */
    synchronized void forget(Key key) {
        set(key, FORGOTTEN, null);
    }

    /** Requests remembered now, answered or not; for tests and diagnostics. */
    synchronized int size() {
        rotate();
        int size = 0;
        for (Generation generation : generations) {
            size += generation.live();
        }
        return size;
    }

    private void set(Key key, int state, byte[] kept) {
        rotate();
        for (int age = 0; age < GENERATIONS; age++) {
            Generation generation = generation(age);
            int slot = generation.find(key);
            if (slot >= 0 && generation.states[slot] != FORGOTTEN) {
                generation.states[slot] = state;
                if (kept != null) {
                    generation.kept.put(key, kept);
                } else {
                    generation.kept.remove(key);
                }
                return;
            }
        }
        // gone already: answered after 32 s, when no retransmission can come any more
    }

    private Seen seen(Generation generation, int slot, int state, Key key) {
        return switch (state) {
            case IN_PROGRESS -> IN_PROGRESS_SEEN;
            case KEPT_WHOLE -> new Answered(0, generation.kept.get(key));
            default -> new Answered(state, null);
        };
    }

    /** The generation {@code age} spans old: 0 is the one new requests go to. */
    private Generation generation(int age) {
        return generations[Math.floorMod(newest - age, GENERATIONS)];
    }

    /** Drops the oldest generations while the newest is a span old, and starts new ones. */
    private void rotate() {
        long elapsed = nanoTime.getAsLong() - generation(0).start;
        if (elapsed < SPAN_NANOS) {
            return;
        }
        long spans = elapsed / SPAN_NANOS;
        long newestStart = generation(0).start + spans * SPAN_NANOS;   // the span now falls in
        // after a quiet time of more than all generations, every one is started afresh
        int rotations = (int) Math.min(spans, GENERATIONS);
        for (int i = rotations - 1; i >= 0; i--) {
            newest = (newest + 1) % GENERATIONS;
            generation(0).reset(newestStart - i * SPAN_NANOS);
        }
    }

    private static long hash(long seed, String text) {
        long h = seed;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001B3L;
        }
        return mix(h ^ text.length());
    }

    /** MurmurHash3's 64-bit finaliser: every input bit moves every output bit. */
    private static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }

    /** One span's requests: an open-addressing table with linear probing. */
    private static final class Generation {

        long start;
        long[] highs = new long[INITIAL_CAPACITY];
        long[] lows = new long[INITIAL_CAPACITY];
        int[] states = new int[INITIAL_CAPACITY];
        /** Slots taken, forgotten ones included. */
        int used;
        final Map<Key, byte[]> kept = new HashMap<>();

        Generation(long start) {
            this.start = start;
        }

        int find(Key key) {
            int mask = states.length - 1;
            for (int slot = (int) key.low() & mask; states[slot] != EMPTY; slot = (slot + 1) & mask) {
                if (highs[slot] == key.high() && lows[slot] == key.low()) {
                    return slot;
                }
            }
            return -1;
        }

        /** Adds {@code key} in progress; false when the table may not grow to hold it. */
        boolean add(Key key, int maxCapacity) {
            if ((used + 1) * 2 > states.length) {
                if (states.length >= maxCapacity) {
                    return false;
                }
                resize(states.length * 2);
            }
            put(key.high(), key.low(), IN_PROGRESS);
            return true;
        }

        int live() {
            int live = 0;
            for (int state : states) {
                if (state != EMPTY && state != FORGOTTEN) {
                    live++;
                }
            }
            return live;
        }

        void reset(long newStart) {
            start = newStart;
            if (states.length > INITIAL_CAPACITY && used * 8 < states.length) {
                // a burst made it large; the next span will likely not need that much
                highs = new long[states.length / 2];
                lows = new long[states.length / 2];
                states = new int[states.length / 2];
            } else {
                Arrays.fill(states, EMPTY);
            }
            used = 0;
            kept.clear();
        }

        private void put(long high, long low, int state) {
            int mask = states.length - 1;
            int slot = (int) low & mask;
            while (states[slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            highs[slot] = high;
            lows[slot] = low;
            states[slot] = state;
            used++;
        }

        private void resize(int capacity) {
            long[] oldHighs = highs;
            long[] oldLows = lows;
            int[] oldStates = states;
            highs = new long[capacity];
            lows = new long[capacity];
            states = new int[capacity];
            used = 0;
            for (int i = 0; i < oldStates.length; i++) {
                if (oldStates[i] != EMPTY && oldStates[i] != FORGOTTEN) {
                    put(oldHighs[i], oldLows[i], oldStates[i]);
                }
            }
        }
    }
}
