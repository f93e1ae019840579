package io.switchboard.xmpp.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.model.Availability;

import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PresenceMappingTest {

    @ParameterizedTest
    @CsvSource({
            "AVAILABLE, available", "AWAY, away", "IDLE, away", "OUT_OF_OFFICE, xa", "DO_NOT_DISTURB, dnd",
            "BUSY, dnd", "ON_THE_PHONE, dnd", "IN_A_MEETING, dnd"})
    void otherClientsSeeTheClosestShow(Availability availability, Presence.Mode show) {
        assertThat(PresenceMapping.show(availability)).isEqualTo(show);
    }

    @ParameterizedTest
    @CsvSource({"available, AVAILABLE", "chat, AVAILABLE", "away, AWAY", "xa, AWAY", "dnd, DO_NOT_DISTURB"})
    void showOfOtherClientsMeans(Presence.Mode show, Availability availability) {
        assertThat(PresenceMapping.availability(show)).isEqualTo(availability);
        assertThat(PresenceMapping.availability(presence().setMode(show).build())).isEqualTo(availability);
    }

    @ParameterizedTest
    @EnumSource(value = Availability.class, names = "OFFLINE", mode = EnumSource.Mode.EXCLUDE)
    void switchboardPeersSeeTheExactAvailability(Availability availability) {
        Presence sent = PresenceMapping.fill(presence(), availability, "note", 5).build();

        assertThat(PresenceMapping.availability(sent)).isEqualTo(availability);
        assertThat(sent.getMode()).isEqualTo(PresenceMapping.show(availability));
        assertThat(sent.getStatus()).isEqualTo("note");
        assertThat(sent.getPriority()).isEqualTo(5);
    }

    @Test
    void unavailablePresenceIsOffline() {
        assertThat(PresenceMapping.availability(presence().ofType(Presence.Type.unavailable).build()))
                .isEqualTo(Availability.OFFLINE);
    }

    @Test
    void offlineHasNoShow() {
        assertThatThrownBy(() -> PresenceMapping.show(Availability.OFFLINE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deviceCarriesResourceNoteAndPriority() {
        var p = PresenceMapping.fill(presence(), Availability.BUSY, "writing", -1).build();
        var device = PresenceMapping.device("laptop", p, java.time.Instant.EPOCH);
        assertThat(device.deviceId()).isEqualTo("laptop");
        assertThat(device.availability()).isEqualTo(Availability.BUSY);
        assertThat(device.note()).isEqualTo("writing");
        assertThat(device.priority()).isEqualTo(-1);
    }

    private static org.jivesoftware.smack.packet.PresenceBuilder presence() {
        return StanzaBuilder.buildPresence("test-id");
    }
}
