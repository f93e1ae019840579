package io.switchboard.sip.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.ChatState;
import io.switchboard.sip.message.IsComposing;
import io.switchboard.sip.testpeer.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** RFC 3994 §4 on the sending side: one active per refresh while typing, one idle when stopping. */
class ComposingRateLimitTest {

    private static final Address BOB = Address.of("bob", "example.com");
    private final TestClock clock = new TestClock();
    private final ComposingRateLimit limit = new ComposingRateLimit(clock);

    @Test
    void keystrokesSendOneActiveUntilTheRefreshIsDue() {
        assertThat(limit.next(BOB, ChatState.COMPOSING)).contains(IsComposing.active(ComposingRateLimit.REFRESH_SECONDS));
        for (int i = 0; i < 50; i++) {
            clock.advance(Duration.ofSeconds(1));
            assertThat(limit.next(BOB, ChatState.COMPOSING)).as("keystroke %d", i).isEmpty();
        }
        clock.advance(Duration.ofSeconds(10));   // 60 s after the first: due before the peer's 90 s run out
        assertThat(limit.next(BOB, ChatState.COMPOSING)).contains(IsComposing.active(ComposingRateLimit.REFRESH_SECONDS));
    }

    @Test
    void stoppingSendsOneIdleAndNothingWhenAlreadyIdle() {
        assertThat(limit.next(BOB, ChatState.PAUSED)).isEmpty();
        limit.next(BOB, ChatState.COMPOSING);

        assertThat(limit.next(BOB, ChatState.PAUSED)).contains(IsComposing.idle());
        assertThat(limit.next(BOB, ChatState.INACTIVE)).isEmpty();
        assertThat(limit.next(BOB, ChatState.COMPOSING)).isPresent();
    }

    @Test
    void aSentMessageEndsComposingWithoutAnIdle() {
        limit.next(BOB, ChatState.COMPOSING);
        limit.messageSent(BOB);

        assertThat(limit.next(BOB, ChatState.ACTIVE)).isEmpty();
        assertThat(limit.next(BOB, ChatState.COMPOSING)).isPresent();
    }
}
