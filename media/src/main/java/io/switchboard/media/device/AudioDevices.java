package io.switchboard.media.device;

import io.switchboard.media.audio.PcmSource;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sound-device facade, one per process: lists microphones and speakers, opens a call's
 * microphone and speaker and the ringer on the devices the user chose, and keeps them there.
 * Java Sound has no plug/unplug events, so a watcher lists the devices every
 * {@link #WATCH_SECONDS} seconds; when the list changes (or a choice does, see
 * {@link #refreshNow()}) every open line moves to the device it should use and listeners hear of
 * it. Thread-safe.
 */
public final class AudioDevices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AudioDevices.class);
    static final int WATCH_SECONDS = 2;

    private final SoundCards cards;
    private final Supplier<AudioDevicePreferences> preferences;
    private final ScheduledExecutorService watcher;
    private final ScheduledExecutorService toneClock;
    private final List<DeviceLine<?>> open = new CopyOnWriteArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile List<AudioDevice> microphones;
    private volatile List<AudioDevice> speakers;
    private volatile double speakerVolume = 1.0;

    /**
     * Lists the devices once (on the calling thread) and starts watching.
     *
     * @param preferences the user's current choices, read whenever a line is opened or moved
     */
    public AudioDevices(SoundCards cards, Supplier<AudioDevicePreferences> preferences) {
        this.cards = Objects.requireNonNull(cards, "cards");
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        this.microphones = cards.devices(DeviceKind.CAPTURE);
        this.speakers = cards.devices(DeviceKind.PLAYBACK);
        LOG.info("Sound devices: microphones {}, speakers {}", names(microphones), names(speakers));
        this.watcher = Executors.newSingleThreadScheduledExecutor(daemon("switchboard-audio-devices"));
        this.toneClock = Executors.newSingleThreadScheduledExecutor(daemon("switchboard-tones"));
        watcher.scheduleWithFixedDelay(this::watch, WATCH_SECONDS, WATCH_SECONDS, TimeUnit.SECONDS);
    }

    public List<AudioDevice> microphones() {
        return microphones;
    }

    public List<AudioDevice> speakers() {
        return speakers;
    }

    /** A call's microphone on the chosen device; close it with the call. */
    public MicrophoneSource openMicrophone() {
        return keep(new MicrophoneSource(cards, () -> preferences.get().microphone(), this::microphones));
    }

    /** A call's speaker on the chosen device, at {@link #speakerVolume()}; close it with the call. */
    public SpeakerSink openSpeaker() {
        return keep(new SpeakerSink(cards, () -> preferences.get().speaker(), this::speakers, () -> speakerVolume));
    }

    /** Rings on the chosen ringer device until closed. */
    public TonePlayer ring(PcmSource ringtone) {
        return play(ringtone, () -> preferences.get().ringer());
    }

    /** Plays ringback (or another progress tone) on the call's speaker until closed. */
    public TonePlayer playOnSpeaker(PcmSource tone) {
        return play(tone, () -> preferences.get().speaker());
    }

    private TonePlayer play(PcmSource tone, Supplier<String> device) {
        SpeakerSink sink = keep(new SpeakerSink(cards, device, this::speakers, () -> 1.0));
        return new TonePlayer(sink, tone, toneClock);
    }

    private <L extends DeviceLine<?>> L keep(L line) {
        open.removeIf(DeviceLine::isClosed);
        open.add(line);
        line.refresh();
        return line;
    }

    /** The call volume, 0 to 1, for every open call speaker (not the ringer). */
    public double speakerVolume() {
        return speakerVolume;
    }

    public void setSpeakerVolume(double volume) {
        this.speakerVolume = Math.max(0, Math.min(1, volume));
    }

    /** Hears when the devices connected change. Called on the watcher thread. */
    public void addListener(Runnable onDevicesChanged) {
        listeners.add(onDevicesChanged);
    }

    /** After the user changed a choice: moves the open lines now instead of at the next watch. */
    public void refreshNow() {
        watcher.execute(this::watch);
    }

    private void watch() {
        try {
            List<AudioDevice> nowMicrophones = cards.devices(DeviceKind.CAPTURE);
            List<AudioDevice> nowSpeakers = cards.devices(DeviceKind.PLAYBACK);
            boolean changed = !nowMicrophones.equals(microphones) || !nowSpeakers.equals(speakers);
            microphones = nowMicrophones;
            speakers = nowSpeakers;
            open.removeIf(DeviceLine::isClosed);
            open.forEach(DeviceLine::refresh);
            if (changed) {
                LOG.info("Sound devices changed: microphones {}, speakers {}", names(nowMicrophones),
                        names(nowSpeakers));
                listeners.forEach(Runnable::run);
            }
        } catch (RuntimeException e) {
            // the watcher must outlive one bad listing
            LOG.warn("Listing sound devices failed", e);
        }
    }

    private static List<String> names(List<AudioDevice> devices) {
        return devices.stream().map(AudioDevice::name).toList();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        watcher.shutdownNow();
        toneClock.shutdownNow();
        open.forEach(DeviceLine::close);
        open.clear();
    }
}
