package io.switchboard.sip.presence.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.sip.presence.watch.SubscriptionStatus.Reason;
import io.switchboard.sip.presence.watch.SubscriptionStatus.State;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Subscription-State codec with the values of RFC 6665 (§8.2.3 ABNF, §4.1.3 reasons) and the
 * NOTIFY example of RFC 3856 (§10: {@code active;expires=599}).
 */
class SubscriptionStatusTest {

    @Test
    void rfc3856ExampleNotify() {
        assertThat(SubscriptionStatus.parse("active;expires=599"))
                .isEqualTo(new SubscriptionStatus(State.ACTIVE, null, 599, -1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pending;expires=600                      | PENDING    |             | 600 | -1",
            "terminated;reason=timeout                | TERMINATED | TIMEOUT     | -1  | -1",
            "terminated;reason=deactivated            | TERMINATED | DEACTIVATED | -1  | -1",
            "terminated;reason=probation;retry-after=3600 | TERMINATED | PROBATION | -1 | 3600",
            "terminated;reason=rejected               | TERMINATED | REJECTED    | -1  | -1",
            "terminated;reason=giveup;retry-after=60  | TERMINATED | GIVEUP      | -1  | 60",
            "terminated;reason=noresource             | TERMINATED | NORESOURCE  | -1  | -1",
            "terminated;reason=invariant              | TERMINATED | INVARIANT   | -1  | -1",
            "Terminated ; Reason=Timeout              | TERMINATED | TIMEOUT     | -1  | -1",
            "terminated;reason=gone-fishing           | TERMINATED | EXTENSION   | -1  | -1",
            "waiting;expires=10;foo=bar               | EXTENSION  |             | 10  | -1",
    })
    void parsesEveryStateAndReasonOfTheAbnf(String value, State state, Reason reason, int expires, int retryAfter) {
        assertThat(SubscriptionStatus.parse(value)).isEqualTo(new SubscriptionStatus(state, reason, expires, retryAfter));
    }

    @Test
    void writesWhatItReads() {
        String value = "terminated;reason=probation;retry-after=3600";
        assertThat(SubscriptionStatus.parse(value).toHeaderValue()).isEqualTo(value);
        assertThat(SubscriptionStatus.active(599).toHeaderValue()).isEqualTo("active;expires=599");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"''", "';expires=5'", "active;expires=-1", "active;expires=12x",
            "active;retry-after=99999999999999"})
    void refusesMalformedValues(String value) {
        assertThatThrownBy(() -> SubscriptionStatus.parse(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesOverlongValues() {
        assertThatThrownBy(() -> SubscriptionStatus.parse("active;" + "x=1;".repeat(300)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer");
    }

    @Test
    void resubscribesAsRfc6665Section413Says() {
        Duration fallback = Duration.ofSeconds(30);
        assertThat(SubscriptionStatus.parse("terminated;reason=deactivated").resubscribeAfter(fallback)).contains(Duration.ZERO);
        assertThat(SubscriptionStatus.parse("terminated;reason=timeout").resubscribeAfter(fallback)).contains(Duration.ZERO);
        assertThat(SubscriptionStatus.parse("terminated;reason=probation;retry-after=3600").resubscribeAfter(fallback))
                .contains(Duration.ofHours(1));
        assertThat(SubscriptionStatus.parse("terminated;reason=giveup").resubscribeAfter(fallback)).contains(fallback);
        assertThat(SubscriptionStatus.parse("terminated").resubscribeAfter(fallback)).contains(fallback);
        assertThat(SubscriptionStatus.parse("terminated;reason=rejected").resubscribeAfter(fallback)).isEmpty();
        assertThat(SubscriptionStatus.parse("terminated;reason=noresource").resubscribeAfter(fallback)).isEmpty();
        assertThat(SubscriptionStatus.parse("terminated;reason=invariant").resubscribeAfter(fallback)).isEmpty();
        assertThat(SubscriptionStatus.parse("active;expires=60").resubscribeAfter(fallback)).isEmpty();
    }
}
