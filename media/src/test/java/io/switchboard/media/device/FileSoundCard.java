package io.switchboard.media.device;

import io.switchboard.media.audio.PcmSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The test sound card of src/test/alsa: ALSA's default device reads its microphone from a file
 * and plays into another, both raw 16-bit little-endian mono. Shared with the end-to-end tests
 * (test-jar).
 */
public final class FileSoundCard {

    private final Path directory;

    private FileSoundCard(Path directory) {
        this.directory = directory;
    }

    /** The card the pom points ALSA at. */
    public static FileSoundCard fromEnvironment() throws IOException {
        String dir = System.getenv("SWITCHBOARD_TEST_SOUND_DIR");
        if (dir == null) {
            throw new IllegalStateException("SWITCHBOARD_TEST_SOUND_DIR is not set: run this test through Maven");
        }
        Path directory = Path.of(dir);
        Files.createDirectories(directory);
        return new FileSoundCard(directory);
    }

    /** What the microphone will capture from now: {@code seconds} of {@code source} at 48 kHz. */
    public void speakIntoMicrophone(PcmSource source, int seconds) throws IOException {
        short[] frame = new short[960];
        ByteBuffer bytes = ByteBuffer.allocate(seconds * 50 * frame.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < seconds * 50; i++) {
            source.read(frame);
            for (short sample : frame) {
                bytes.putShort(sample);
            }
        }
        Files.write(directory.resolve("microphone.raw"), bytes.array());
    }

    /** Forgets what was played; the next line opened starts a new file anyway. */
    public void clearSpeaker() throws IOException {
        Files.deleteIfExists(speaker());
    }

    /** Everything played since the last playback line was opened. */
    public short[] played() throws IOException {
        if (!Files.exists(speaker())) {
            return new short[0];
        }
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(speaker())).order(ByteOrder.LITTLE_ENDIAN);
        short[] samples = new short[bytes.remaining() / 2];
        bytes.asShortBuffer().get(samples);
        return samples;
    }

    private Path speaker() {
        return directory.resolve("speaker.raw");
    }
}
