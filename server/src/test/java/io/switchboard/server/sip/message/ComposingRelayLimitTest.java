package io.switchboard.server.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.model.Address;
import io.switchboard.server.xmpp.im.MutableClock;
import io.switchboard.sip.message.IsComposing;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** XMPP chat states towards SIP devices, thinned to what RFC 3994 §4 asks for. */
class ComposingRelayLimitTest {

    private static final Address ROMEO = Address.of("romeo", "example.com");
    private static final Address JULIET = Address.of("juliet", "example.com");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final ComposingRelayLimit limit = new ComposingRelayLimit(clock);

    @Test
    void repeatedComposingIsSentOncePerRefresh() {
        assertThat(limit.allow(ROMEO, JULIET, IsComposing.active(90))).isTrue();
        clock.advance(Duration.ofSeconds(30));
        assertThat(limit.allow(ROMEO, JULIET, IsComposing.active(90))).isFalse();
        assertThat(limit.allow(JULIET, ROMEO, IsComposing.active(90))).as("the other direction is its own").isTrue();
        clock.advance(Duration.ofSeconds(30));
        assertThat(limit.allow(ROMEO, JULIET, IsComposing.active(90))).isTrue();
    }

    @Test
    void idleOnlyAfterActiveAndNotAfterAText() {
        assertThat(limit.allow(ROMEO, JULIET, IsComposing.idle())).isFalse();
        limit.allow(ROMEO, JULIET, IsComposing.active(90));
        assertThat(limit.allow(ROMEO, JULIET, IsComposing.idle())).isTrue();
        assertThat(limit.allow(ROMEO, JULIET, IsComposing.idle())).isFalse();

        limit.allow(ROMEO, JULIET, IsComposing.active(90));
        limit.textSent(ROMEO, JULIET);
        assertThat(limit.allow(ROMEO, JULIET, IsComposing.idle())).isFalse();
        assertThat(limit.allow(ROMEO, JULIET, IsComposing.active(90))).isTrue();
    }
}
