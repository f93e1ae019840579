package io.switchboard.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AvailabilityTest {

    /** Cisco's state table: available green; idle, on the phone, in a meeting, away yellow; busy, DND, out of office red; offline grey. */
    @ParameterizedTest
    @CsvSource({
            "AVAILABLE, GREEN",
            "IDLE, YELLOW", "ON_THE_PHONE, YELLOW", "IN_A_MEETING, YELLOW", "AWAY, YELLOW",
            "BUSY, RED", "DO_NOT_DISTURB, RED", "OUT_OF_OFFICE, RED",
            "OFFLINE, GREY"
    })
    void mapsEveryStateToCiscosColour(Availability availability, PresenceColour colour) {
        assertThat(availability.colour()).isEqualTo(colour);
    }

    @ParameterizedTest
    @CsvSource({"AVAILABLE, true", "DO_NOT_DISTURB, true", "OFFLINE, false"})
    void onlyOfflineIsNotOnline(Availability availability, boolean online) {
        assertThat(availability.isOnline()).isEqualTo(online);
    }
}
