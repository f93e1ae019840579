package io.switchboard.app.call;

import io.switchboard.core.model.Call;
import io.switchboard.core.model.CallState;
import io.switchboard.core.service.CallService;
import io.switchboard.media.audio.CadencedTone;
import io.switchboard.media.device.AudioDevices;
import io.switchboard.media.device.TonePlayer;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the user hears besides the other party: the ringtone on the ringer device while a call
 * rings here, a short call-waiting beep on the speaker instead when I am already talking, and
 * ringback on the speaker while the other side's phone rings (unless it sends its own early
 * audio). Follows the calls' states; called on the softphone's event thread.
 */
public final class CallSounds implements CallService.CallListener, AutoCloseable {

    enum Sound { NONE, RINGTONE, CALL_WAITING, RINGBACK }

    private final AudioDevices devices;
    private final Map<String, CallState> states = new HashMap<>();
    private final Map<String, Playing> playing = new HashMap<>();

    public CallSounds(AudioDevices devices) {
        this.devices = Objects.requireNonNull(devices, "devices");
    }

    @Override
    public synchronized void callChanged(Call call) {
        if (call.state() == CallState.ENDED) {
            states.remove(call.id());
        } else {
            states.put(call.id(), call.state());
        }
        Sound wanted = soundFor(call);
        Playing now = playing.get(call.id());
        if (now != null && now.sound == wanted) {
            return;
        }
        if (now != null) {
            playing.remove(call.id()).player.close();
        }
        if (wanted != Sound.NONE) {
            playing.put(call.id(), new Playing(wanted, start(wanted)));
        }
    }

    Sound soundFor(Call call) {
        return switch (call.state()) {
            case INCOMING -> talking(call.id()) ? Sound.CALL_WAITING : Sound.RINGTONE;
            case RINGING -> Sound.RINGBACK;
            default -> Sound.NONE;
        };
    }

    private boolean talking(String besides) {
        return states.entrySet().stream()
                .anyMatch(e -> !e.getKey().equals(besides) && e.getValue().isInProgress());
    }

    private TonePlayer start(Sound sound) {
        return switch (sound) {
            case RINGTONE -> devices.ring(CadencedTone.ringtone());
            case CALL_WAITING -> devices.playOnSpeaker(CadencedTone.callWaiting());
            case RINGBACK -> devices.playOnSpeaker(CadencedTone.ringback());
            case NONE -> throw new IllegalArgumentException("nothing to play");
        };
    }

    /** Stops every sound (sign-out). */
    @Override
    public synchronized void close() {
        playing.values().forEach(p -> p.player.close());
        playing.clear();
        states.clear();
    }

    private record Playing(Sound sound, TonePlayer player) {
    }
}
