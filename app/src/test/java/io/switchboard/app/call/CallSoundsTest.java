package io.switchboard.app.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.app.call.CallSounds.Sound;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Call;
import io.switchboard.core.model.CallEndReason;
import io.switchboard.core.model.CallState;
import io.switchboard.media.device.AudioDevicePreferences;
import io.switchboard.media.device.AudioDevices;
import io.switchboard.media.device.SoundCards;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which sound each call state calls for; what the sounds sound like is SoundDeviceIT's and UiSoftphoneIT's. */
class CallSoundsTest {

    private static final Address BOB = Address.of("bob", "example.com");
    private static final Address CAROL = Address.of("carol", "example.com");
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    private final AudioDevices devices = new AudioDevices(new SoundCards(),
            () -> AudioDevicePreferences.SYSTEM_DEFAULTS);
    private final CallSounds sounds = new CallSounds(devices);

    @AfterEach
    void close() {
        sounds.close();
        devices.close();
    }

    @Test
    void aCallRingingHereRingsTheRinger() {
        Call incoming = Call.ringingHere("1", BOB, NOW);
        sounds.callChanged(incoming);

        assertThat(sounds.soundFor(incoming)).isEqualTo(Sound.RINGTONE);
        assertThat(sounds.soundFor(incoming.connected(NOW))).isEqualTo(Sound.NONE);
    }

    @Test
    void aSecondCallWhileIAmTalkingBeepsInsteadOfRinging() {
        sounds.callChanged(Call.placed("1", BOB, NOW).connected(NOW));
        Call second = Call.ringingHere("2", CAROL, NOW);

        assertThat(sounds.soundFor(second)).isEqualTo(Sound.CALL_WAITING);

        sounds.callChanged(Call.placed("1", BOB, NOW).connected(NOW).ended(CallEndReason.HUNG_UP, ""));
        assertThat(sounds.soundFor(second)).isEqualTo(Sound.RINGTONE);
    }

    @Test
    void ringbackPlaysWhileTheOtherPhoneRingsUnlessItSendsItsOwnAudio() {
        Call placed = Call.placed("1", BOB, NOW);

        assertThat(sounds.soundFor(placed)).isEqualTo(Sound.NONE);
        assertThat(sounds.soundFor(placed.withState(CallState.RINGING))).isEqualTo(Sound.RINGBACK);
        assertThat(sounds.soundFor(placed.withState(CallState.EARLY_MEDIA))).isEqualTo(Sound.NONE);
        assertThat(sounds.soundFor(placed.connected(NOW))).isEqualTo(Sound.NONE);
    }
}
