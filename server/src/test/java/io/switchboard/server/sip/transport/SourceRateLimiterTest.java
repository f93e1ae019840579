package io.switchboard.server.sip.transport;

import static io.switchboard.server.sip.transport.SourceRateLimiter.Verdict.ALLOW;
import static io.switchboard.server.sip.transport.SourceRateLimiter.Verdict.DROP;
import static io.switchboard.server.sip.transport.SourceRateLimiter.Verdict.REJECT;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.server.config.SipRateLimitConfig;
import io.switchboard.server.config.SipRateLimitConfig.SourceKey;
import io.switchboard.server.xmpp.im.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceRateLimiterTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T03:00:00Z"));
    final SipSource flooder = new SipSource("192.0.2.1", 5060, "UDP");
    final SipSource flooderOtherPort = new SipSource("192.0.2.1", 5070, "UDP");
    final SipSource bystander = new SipSource("192.0.2.2", 5060, "UDP");

    @Test
    void kamailioLikeDefaultSixteenPerTwoSecondsThenOne503ThenSilence() {
        SourceRateLimiter limiter = new SourceRateLimiter(SipRateLimitConfig.defaults(), clock);
        List<SourceRateLimiter.Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            verdicts.add(limiter.check(flooder));
        }

        assertThat(verdicts.subList(0, 16)).containsOnly(ALLOW);
        assertThat(verdicts.get(16)).isEqualTo(REJECT);
        assertThat(verdicts.subList(17, 20)).containsOnly(DROP);
        assertThat(limiter.retryAfterSeconds()).isEqualTo(2);
    }

    @Test
    void aFloodingAddressDoesNotStopOthersAndTheNextWindowStartsAfresh() {
        SourceRateLimiter limiter = new SourceRateLimiter(SipRateLimitConfig.defaults(), clock);
        for (int i = 0; i < 100; i++) {
            limiter.check(flooder);
        }
        assertThat(limiter.check(bystander)).isEqualTo(ALLOW);
        assertThat(limiter.check(flooderOtherPort)).as("per address, changing ports does not help").isEqualTo(DROP);

        clock.advance(Duration.ofSeconds(2));
        assertThat(limiter.check(flooder)).isEqualTo(ALLOW);
    }

    @Test
    void perAddressAndPortEachClientHasItsOwnBudget() {
        SourceRateLimiter limiter = new SourceRateLimiter(new SipRateLimitConfig(2, 1, SourceKey.ADDRESS_AND_PORT), clock);
        limiter.check(flooder);
        limiter.check(flooder);
        assertThat(limiter.check(flooder)).isEqualTo(REJECT);
        assertThat(limiter.check(flooderOtherPort)).isEqualTo(ALLOW);
    }
}
