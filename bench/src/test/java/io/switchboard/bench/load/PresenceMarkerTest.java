package io.switchboard.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PresenceMarkerTest {

    @Test
    void roundTripsThroughTheStatusText() {
        PresenceMarker m = new PresenceMarker(4711, 123_456_789_012L);

        assertThat(PresenceMarker.parse(m.statusText())).isEqualTo(m);
    }

    @Test
    void ignoresStatusesThatAreNotOurs() {
        assertThat(PresenceMarker.parse(null)).isNull();
        assertThat(PresenceMarker.parse("at lunch")).isNull();
        assertThat(PresenceMarker.parse("sbb ")).isNull();
        assertThat(PresenceMarker.parse("sbb x 12")).isNull();
        assertThat(PresenceMarker.parse("sbb -1 12")).isNull();
    }
}
