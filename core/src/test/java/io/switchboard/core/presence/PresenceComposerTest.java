package io.switchboard.core.presence;

import static io.switchboard.core.model.Availability.AVAILABLE;
import static io.switchboard.core.model.Availability.AWAY;
import static io.switchboard.core.model.Availability.BUSY;
import static io.switchboard.core.model.Availability.DO_NOT_DISTURB;
import static io.switchboard.core.model.Availability.IDLE;
import static io.switchboard.core.model.Availability.OFFLINE;
import static io.switchboard.core.model.Availability.ON_THE_PHONE;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.model.Availability;
import io.switchboard.core.model.Capability;
import io.switchboard.core.model.DevicePresence;
import io.switchboard.core.model.Presence;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PresenceComposerTest {

    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");

    private static DevicePresence device(String id, Availability a, String note, int priority, long secondsAfterT0) {
        return new DevicePresence(id, a, note, priority, Set.of(Capability.IM), T0.plusSeconds(secondsAfterT0));
    }

    @Test
    void noDevicesIsOffline() {
        assertThat(PresenceComposer.compose(List.of())).isEqualTo(Presence.OFFLINE);
    }

    @Test
    void offlineOnlyWhenNoDeviceIsOnline() {
        Presence p = PresenceComposer.compose(List.of(
                device("laptop", OFFLINE, "", 0, 0),
                device("phone", AWAY, "on the train", 0, 1)));
        assertThat(p.availability()).isEqualTo(AWAY);
        assertThat(p.note()).isEqualTo("on the train");
        assertThat(p.devices()).extracting(DevicePresence::deviceId).containsExactly("phone");

        assertThat(PresenceComposer.compose(List.of(device("laptop", OFFLINE, "", 0, 0))).availability())
                .isEqualTo(OFFLINE);
    }

    @Test
    void mostCommunicativeDeviceSpeaksForTheUser() {
        Presence p = PresenceComposer.compose(List.of(
                device("laptop", IDLE, "idle since 9", 0, 5),
                device("desk", BUSY, "writing", 0, 4),
                device("mobile", AVAILABLE, "reachable", 0, 1)));
        assertThat(p.availability()).isEqualTo(AVAILABLE);
        assertThat(p.note()).isEqualTo("reachable");
        assertThat(p.devices()).extracting(DevicePresence::deviceId).containsExactly("mobile", "desk", "laptop");
    }

    @Test
    void doNotDisturbBeatsEverything() {
        Presence p = PresenceComposer.compose(List.of(
                device("mobile", AVAILABLE, "", 10, 9),
                device("laptop", DO_NOT_DISTURB, "focus time", -1, 0)));
        assertThat(p.availability()).isEqualTo(DO_NOT_DISTURB);
        assertThat(p.note()).isEqualTo("focus time");
    }

    @Test
    void amongEqualDevicesHigherPriorityThenNewestWins() {
        Presence byPriority = PresenceComposer.compose(List.of(
                device("a", AWAY, "low", 1, 9),
                device("b", AWAY, "high", 5, 0)));
        assertThat(byPriority.note()).isEqualTo("high");

        Presence byTime = PresenceComposer.compose(List.of(
                device("a", AWAY, "older", 1, 0),
                device("b", AWAY, "newer", 1, 9)));
        assertThat(byTime.note()).isEqualTo("newer");
    }

    @Test
    void capabilitiesAreTheUnionOfOnlineDevices() {
        Presence p = PresenceComposer.compose(List.of(
                device("laptop", AVAILABLE, "", 0, 0),
                device("phone", ON_THE_PHONE, "", 0, 0).withCapabilities(Set.of(Capability.AUDIO, Capability.DESK_PHONE)),
                device("old", OFFLINE, "", 0, 0).withCapabilities(Set.of(Capability.VIDEO))));
        assertThat(p.capabilities()).containsExactlyInAnyOrder(Capability.IM, Capability.AUDIO, Capability.DESK_PHONE);
    }

    @Test
    void aCallMakesThePersonOnThePhoneOverAvailableIdleAndAwayButNotOverDoNotDisturb() {
        for (Availability chat : List.of(AVAILABLE, Availability.IDLE, AWAY)) {
            Presence p = PresenceComposer.compose(List.of(
                    device("laptop", chat, "at my desk", 5, 9),
                    device("sip:call", ON_THE_PHONE, "", 0, 0)));
            assertThat(p.availability()).as("over %s", chat).isEqualTo(ON_THE_PHONE);
        }
        Presence dnd = PresenceComposer.compose(List.of(
                device("laptop", Availability.DO_NOT_DISTURB, "", 5, 9),
                device("sip:call", ON_THE_PHONE, "", 0, 0)));
        assertThat(dnd.availability()).isEqualTo(Availability.DO_NOT_DISTURB);
    }

    private static DevicePresence registeredPhone(long secondsAfterT0) {
        return DevicePresence.capabilityOnlyDevice("sip:registered", Set.of(Capability.AUDIO), T0.plusSeconds(secondsAfterT0));
    }

    @Test
    void aUserWhoseOnlyDeviceIsARegisteredPhoneIsReachableNotOffline() {
        Presence p = PresenceComposer.compose(List.of(registeredPhone(0)));
        assertThat(p.availability()).isEqualTo(AVAILABLE);
        assertThat(p.isOnline()).isTrue();
        assertThat(p.note()).isEmpty();
        assertThat(p.capabilities()).containsExactly(Capability.AUDIO);
        assertThat(p.devices()).extracting(DevicePresence::deviceId).containsExactly("sip:registered");
    }

    @Test
    void aRegisteredPhoneNeverSpeaksOverAStatusSetElsewhere() {
        // newer, more communicative and higher priority: still only a capability
        Presence away = PresenceComposer.compose(List.of(
                device("laptop", AWAY, "lunch", -5, 0),
                registeredPhone(60).withPriority(10)));
        assertThat(away.availability()).isEqualTo(AWAY);
        assertThat(away.note()).isEqualTo("lunch");
        assertThat(away.capabilities()).containsExactlyInAnyOrder(Capability.IM, Capability.AUDIO);
        assertThat(away.devices()).extracting(DevicePresence::deviceId).containsExactly("laptop", "sip:registered");

        Presence busy = PresenceComposer.compose(List.of(registeredPhone(0), device("laptop", BUSY, "", 0, 0)));
        assertThat(busy.availability()).isEqualTo(BUSY);
    }

    @Test
    void anExplicitOfflineBeatsTheRegisteredPhone() {
        // e.g. the softphone PUBLISHed a closed tuple while it stays registered
        Presence p = PresenceComposer.compose(List.of(device("softphone", OFFLINE, "gone", 0, 0), registeredPhone(9)));
        assertThat(p).isEqualTo(Presence.OFFLINE);

        Presence withChat = PresenceComposer.compose(List.of(device("softphone", OFFLINE, "", 0, 0),
                device("laptop", AWAY, "", 0, 0), registeredPhone(9)));
        assertThat(withChat.availability()).isEqualTo(AWAY);
    }

    @Test
    void doNotDisturbStillBeatsTheRegisteredPhone() {
        Presence p = PresenceComposer.compose(List.of(registeredPhone(9), device("laptop", DO_NOT_DISTURB, "focus", 0, 0)));
        assertThat(p.availability()).isEqualTo(DO_NOT_DISTURB);
        assertThat(p.note()).isEqualTo("focus");
    }

    @Test
    void aStatusDeviceIsNeverCapabilityOnly() {
        assertThat(device("laptop", AVAILABLE, "", 0, 0).capabilityOnly()).isFalse();
        assertThat(registeredPhone(0).withUpdatedAt(T0).capabilityOnly()).isTrue();
        assertThat(registeredPhone(0).priority()).isEqualTo(-1);
    }
}
