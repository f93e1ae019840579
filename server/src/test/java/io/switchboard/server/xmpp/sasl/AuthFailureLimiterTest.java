package io.switchboard.server.xmpp.sasl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AuthFailureLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final AuthFailureLimiter limiter = new AuthFailureLimiter(3, Duration.ofMinutes(1), 4, now::get);

    @Test
    void blocksAfterMaxFailuresUntilTheWindowEnds() throws Exception {
        InetAddress attacker = InetAddress.getByName("192.0.2.1");
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.isBlocked(attacker)).isFalse();
            limiter.recordFailure(attacker);
        }
        assertThat(limiter.isBlocked(attacker)).isTrue();
        assertThat(limiter.isBlocked(InetAddress.getByName("192.0.2.2"))).isFalse();

        now.addAndGet(Duration.ofMinutes(1).toNanos());
        assertThat(limiter.isBlocked(attacker)).isFalse();
    }

    @Test
    void ipv6CountsPerSlash64() throws Exception {
        for (int i = 1; i <= 3; i++) {
            limiter.recordFailure(InetAddress.getByName("2001:db8::" + i));
        }
        assertThat(limiter.isBlocked(InetAddress.getByName("2001:db8::ffff"))).isTrue();
        assertThat(limiter.isBlocked(InetAddress.getByName("2001:db8:0:1::1"))).isFalse();
    }

    @Test
    void memoryIsBoundedAndExpiredEntriesMakeRoom() throws Exception {
        for (int i = 1; i <= 4; i++) {
            limiter.recordFailure(InetAddress.getByName("198.51.100." + i));
        }
        // full of live entries: a new address fails closed
        assertThat(limiter.isBlocked(InetAddress.getByName("198.51.100.99"))).isTrue();

        now.addAndGet(Duration.ofMinutes(2).toNanos());
        assertThat(limiter.isBlocked(InetAddress.getByName("198.51.100.99"))).isFalse();
        limiter.recordFailure(InetAddress.getByName("198.51.100.99"));
        assertThat(limiter.trackedAddresses()).isEqualTo(1);
    }
}
