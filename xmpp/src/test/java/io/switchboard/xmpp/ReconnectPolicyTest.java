package io.switchboard.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.service.SignInException;
import io.switchboard.core.service.SignInException.Reason;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {

    private static ReconnectPolicy withRandom(double value) {
        return new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), 0.2, () -> value);
    }

    @Test
    void doublesFromOneSecondUpToTheCapWithoutJitter() {
        ReconnectPolicy policy = withRandom(0.0);
        assertThat(policy.delay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delay(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.delay(6)).isEqualTo(Duration.ofSeconds(32));
        assertThat(policy.delay(7)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.delay(1_000_000)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void jitterShortensByAtMostItsFraction() {
        ReconnectPolicy policy = withRandom(0.999_999);
        assertThat(policy.delay(1)).isEqualTo(Duration.ofMillis(800));
        assertThat(policy.delay(20)).isEqualTo(Duration.ofSeconds(48));
        ReconnectPolicy standard = ReconnectPolicy.standard();
        for (int attempt = 1; attempt < 12; attempt++) {
            long expected = Math.min(60_000, 1000L << (attempt - 1));
            assertThat(standard.delay(attempt).toMillis()).isBetween(expected * 8 / 10, expected);
        }
    }

    @Test
    void attemptsCountFromOne() {
        assertThatThrownBy(() -> withRandom(0).delay(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givesUpOnlyWhereRetryingCannotHelp() {
        ReconnectPolicy policy = withRandom(0);
        assertThat(policy.shouldRetry(failure(Reason.BAD_CREDENTIALS))).isFalse();
        assertThat(policy.shouldRetry(failure(Reason.CERTIFICATE_UNTRUSTED))).isFalse();
        assertThat(policy.shouldRetry(failure(Reason.UNREACHABLE))).isTrue();
        assertThat(policy.shouldRetry(failure(Reason.TLS_FAILURE))).isTrue();
        assertThat(policy.shouldRetry(failure(Reason.PROTOCOL_ERROR))).isTrue();
    }

    private static SignInException failure(Reason reason) {
        return new SignInException(reason, "test", null);
    }
}
