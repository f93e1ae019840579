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

    @Test
    void aRelayedRegisteredPhoneIsACapabilityOnlyDevice() throws Exception {
        org.jivesoftware.smack.provider.ProviderManager.addExtensionProvider(CapabilityOnlyExtension.ELEMENT,
                CapabilityOnlyExtension.NAMESPACE, new CapabilityOnlyExtensionProvider());
        // what the Switchboard server sends for a SIP phone that only registered (ADR 0014 step 4)
        Presence phone = org.jivesoftware.smack.util.PacketParserUtils.parseStanza(
                "<presence xmlns='jabber:client' from='alice@example.com/sip:registered'><priority>-1</priority>"
                        + "<availability xmlns='urn:switchboard:presence:0'>available</availability>"
                        + "<capability-only xmlns='urn:switchboard:presence:0'/></presence>");
        var device = PresenceMapping.device("sip:registered", phone, java.time.Instant.EPOCH);
        assertThat(device.capabilityOnly()).isTrue();
        assertThat(device.availability()).isEqualTo(Availability.AVAILABLE);
        assertThat(device.capabilities()).containsExactly(io.switchboard.core.model.Capability.AUDIO);

        Presence laptop = org.jivesoftware.smack.util.PacketParserUtils.parseStanza(
                "<presence xmlns='jabber:client' from='alice@example.com/laptop'><show>away</show></presence>");
        var chat = PresenceMapping.device("laptop", laptop, java.time.Instant.EPOCH);
        assertThat(chat.capabilityOnly()).isFalse();
        assertThat(io.switchboard.core.presence.PresenceComposer.compose(java.util.List.of(device, chat))
                .availability()).isEqualTo(Availability.AWAY);
    }
}
