package io.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoundTripTest {

    @Test
    void theRoundTripIsArrivalMinusSendingMinusThePeersHold() {
        // RFC 3550 6.4.1: the peer held our sender report for DLSR = 0.5 s (32768 / 65536)
        assertThat(RoundTrip.millis(10_000, 9_000, 32_768)).isEqualTo(500);
        assertThat(RoundTrip.millis(10_000, 9_990, 0)).isEqualTo(10);
    }

    @Test
    void aNegativeResultMeansNoMeasurement() {
        assertThat(RoundTrip.millis(10_000, 9_900, 65_536)).isEqualTo(-1);
    }
}
