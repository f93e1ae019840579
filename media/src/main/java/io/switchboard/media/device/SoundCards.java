package io.switchboard.media.device;

import java.util.ArrayList;
import java.util.List;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operating system's sound devices through Java Sound (DirectSound on Windows, Core Audio on
 * macOS, ALSA on Linux): which there are, and opening a line on one. Asks the operating system
 * every time, so a device plugged in or out shows at the next call. See ADR 0021 for why calls do
 * not use libjitsi's own audio systems.
 */
public final class SoundCards {

    private static final Logger LOG = LoggerFactory.getLogger(SoundCards.class);
    /** 48 kHz mono 16-bit: what the media engine captures and what most devices offer natively. */
    static final AudioFormat PROBE_FORMAT = new AudioFormat(48_000, 16, 1, true, false);

    /** The devices that can capture (or play) 16-bit audio now, in the operating system's order. */
    public List<AudioDevice> devices(DeviceKind kind) {
        DataLine.Info wanted = lineInfo(kind, PROBE_FORMAT);
        List<AudioDevice> devices = new ArrayList<>();
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            try {
                if (AudioSystem.getMixer(info).isLineSupported(wanted)) {
                    devices.add(new AudioDevice(info.getName(), info.getDescription(), kind));
                }
            } catch (RuntimeException e) {
                // a driver that fails to describe itself is left out, not fatal to the list
                LOG.debug("Sound device {} could not be queried: {}", info.getName(), e.toString());
            }
        }
        return devices;
    }

    /**
     * Opens (not starts) a capture line.
     *
     * @param deviceName a device's name, or empty for the system default
     * @throws LineUnavailableException when the device is missing, busy or cannot take the format
     */
    public TargetDataLine openCapture(String deviceName, AudioFormat format, int bufferBytes)
            throws LineUnavailableException {
        TargetDataLine line = (TargetDataLine) line(deviceName, DeviceKind.CAPTURE, format);
        line.open(format, bufferBytes);
        return line;
    }

    /** Opens (not starts) a playback line; as {@link #openCapture}. */
    public SourceDataLine openPlayback(String deviceName, AudioFormat format, int bufferBytes)
            throws LineUnavailableException {
        SourceDataLine line = (SourceDataLine) line(deviceName, DeviceKind.PLAYBACK, format);
        line.open(format, bufferBytes);
        return line;
    }

    private static DataLine line(String deviceName, DeviceKind kind, AudioFormat format)
            throws LineUnavailableException {
        DataLine.Info wanted = lineInfo(kind, format);
        try {
            if (deviceName.isEmpty()) {
                return (DataLine) AudioSystem.getLine(wanted);
            }
            for (Mixer.Info info : AudioSystem.getMixerInfo()) {
                if (info.getName().equals(deviceName)) {
                    return (DataLine) AudioSystem.getMixer(info).getLine(wanted);
                }
            }
        } catch (IllegalArgumentException e) {
            // Java Sound's way of saying "no such line": the same failure as a busy device here
            throw unavailable(describe(deviceName, kind) + " cannot " + verb(kind) + " " + format);
        }
        throw unavailable(describe(deviceName, kind) + " is not connected");
    }

    private static DataLine.Info lineInfo(DeviceKind kind, AudioFormat format) {
        return new DataLine.Info(kind == DeviceKind.CAPTURE ? TargetDataLine.class : SourceDataLine.class, format);
    }

    static String describe(String deviceName, DeviceKind kind) {
        String what = kind == DeviceKind.CAPTURE ? "microphone" : "speaker";
        return deviceName.isEmpty() ? "the default " + what : "the " + what + " \"" + deviceName + "\"";
    }

    private static String verb(DeviceKind kind) {
        return kind == DeviceKind.CAPTURE ? "capture" : "play";
    }

    private static LineUnavailableException unavailable(String message) {
        return new LineUnavailableException(message);
    }
}
