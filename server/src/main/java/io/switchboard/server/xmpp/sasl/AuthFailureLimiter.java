package io.switchboard.server.xmpp.sasl;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Counts failed authentications per remote address: after {@code maxFailures} failures within
 * {@code window} the address is blocked until that window ends, so a password cannot be guessed
 * faster than {@code maxFailures} tries per window from one place — while other addresses, and so
 * other users, are unaffected. IPv6 addresses count per /64, since one host usually owns a whole /64.
 *
 * <p>Only the counting happens here; the stream layer refuses blocked attempts with
 * {@code <temporary-auth-failure/>} and delays failure answers on its event loop (never by sleeping).
 *
 * <p>Thread-safe: called from all event loops at once. Memory is bounded by {@code maxTrackedAddresses};
 * when full, expired entries are dropped first, and if all are live, new addresses are blocked
 * (fail closed) until entries expire.
 */
public final class AuthFailureLimiter {

    private final int maxFailures;
    private final long windowNanos;
    private final int maxTrackedAddresses;
    private final LongSupplier nanoClock;
    private final Map<AddressKey, Window> windows = new ConcurrentHashMap<>();

    public AuthFailureLimiter(int maxFailures, Duration window, int maxTrackedAddresses, LongSupplier nanoClock) {
        if (maxFailures < 1 || window.isNegative() || window.isZero() || maxTrackedAddresses < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxFailures = maxFailures;
        this.windowNanos = window.toNanos();
        this.maxTrackedAddresses = maxTrackedAddresses;
        this.nanoClock = nanoClock;
    }

    public AuthFailureLimiter(int maxFailures, Duration window) {
        this(maxFailures, window, 100_000, System::nanoTime);
    }

    /** True when attempts from this address are to be refused right now. */
    public boolean isBlocked(InetAddress address) {
        long now = nanoClock.getAsLong();
        AddressKey key = AddressKey.of(address);
        Window w = windows.get(key);
        if (w == null) {
            return windows.size() >= maxTrackedAddresses && !purgeExpired(now);
        }
        return w.failures >= maxFailures && !w.expired(now, windowNanos);
    }

    /** Counts one failed attempt from this address. */
    public void recordFailure(InetAddress address) {
        long now = nanoClock.getAsLong();
        if (windows.size() >= maxTrackedAddresses) {
            purgeExpired(now);
        }
        windows.compute(AddressKey.of(address), (k, w) ->
                w == null || w.expired(now, windowNanos) ? new Window(now, 1) : new Window(w.start, w.failures + 1));
    }

    /** Addresses currently tracked (for tests and metrics). */
    public int trackedAddresses() {
        return windows.size();
    }

    /** Drops expired windows; true when there is room afterwards. */
    private boolean purgeExpired(long now) {
        windows.values().removeIf(w -> w.expired(now, windowNanos));
        return windows.size() < maxTrackedAddresses;
    }

    private record Window(long start, int failures) {
        boolean expired(long now, long windowNanos) {
            return now - start >= windowNanos;
        }
    }

    /** The address bytes, shortened to the /64 prefix for IPv6. */
    private record AddressKey(byte[] bytes) {
        static AddressKey of(InetAddress address) {
            byte[] b = address.getAddress();
            return new AddressKey(address instanceof Inet6Address ? Arrays.copyOf(b, 8) : b);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof AddressKey k && Arrays.equals(k.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return Arrays.toString(bytes);
        }
    }
}
