package io.switchboard.media.device;

import java.util.List;
import java.util.function.Supplier;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A line on the device the user wants, kept open across device changes: {@link #refresh} moves
 * it to the chosen device when that is plugged in, to the system default while it is not, and
 * re-opens it after the device failed. Reads and writes never block: a line that is missing
 * captures silence and plays nothing, which is what a user without a headset expects.
 */
abstract class DeviceLine<L extends DataLine> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceLine.class);

    private final DeviceKind kind;
    private final Supplier<String> chosen;
    private final Supplier<List<AudioDevice>> present;
    private AudioFormat format;
    private L line;
    private String device = "";
    private String lastProblem = "";
    private boolean closed;

    /**
     * @param chosen  the name of the device the user chose, read at every refresh ("" for default)
     * @param present the devices of this kind connected now, as last listed
     */
    DeviceLine(DeviceKind kind, Supplier<String> chosen, Supplier<List<AudioDevice>> present, AudioFormat format) {
        this.kind = kind;
        this.chosen = chosen;
        this.present = present;
        this.format = format;
    }

    /** Opens the line on {@code deviceName} ("" for the default) with this format and starts it. */
    abstract L open(String deviceName, AudioFormat format) throws LineUnavailableException;

    /**
     * Makes sure the line is open on the device it should use now.
     *
     * @return whether a line is open
     */
    final synchronized boolean refresh() {
        if (closed) {
            return false;
        }
        String wanted = chosen.get();
        String target = wanted.isEmpty() || present.get().stream().anyMatch(d -> d.name().equals(wanted)) ? wanted : "";
        if (line != null && line.isOpen() && target.equals(device)) {
            return true;
        }
        release();
        try {
            line = open(target, format);
            device = target;
            lastProblem = "";
            LOG.info("Audio {} on {}", kind == DeviceKind.CAPTURE ? "capture" : "playback",
                    SoundCards.describe(target, kind));
            return true;
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            String problem = SoundCards.describe(target, kind) + " cannot be opened: " + e.getMessage();
            if (!problem.equals(lastProblem)) {
                // once per distinct problem: the device watcher retries every few seconds
                LOG.warn("{}", problem);
                lastProblem = problem;
            }
            return false;
        }
    }

    /** The line, or null while there is none; callers hold this object's lock. */
    final L line() {
        return line;
    }

    final AudioFormat format() {
        return format;
    }

    /** A new sample rate from the decoder: the line is re-opened with it. */
    final void reformat(AudioFormat next) {
        format = next;
        release();
        refresh();
    }

    /** The line failed under us (device unplugged): drop it; the next refresh opens another. */
    final void failed(RuntimeException e) {
        LOG.warn("Audio {} on {} failed: {}", kind == DeviceKind.CAPTURE ? "capture" : "playback",
                SoundCards.describe(device, kind), e.toString());
        release();
    }

    /** Why there is no line, or empty when there is one. */
    final synchronized String problem() {
        return line != null ? "" : lastProblem.isEmpty() ? SoundCards.describe(chosen.get(), kind) + " is not open"
                : lastProblem;
    }

    private void release() {
        L old = line;
        line = null;
        if (old != null) {
            try {
                old.close();
            } catch (RuntimeException e) {
                LOG.debug("Closing a sound line failed: {}", e.toString());
            }
        }
    }

    final synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public final synchronized void close() {
        closed = true;
        release();
    }
}
