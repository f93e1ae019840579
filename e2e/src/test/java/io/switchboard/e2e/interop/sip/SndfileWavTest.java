package io.switchboard.e2e.interop.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.media.audio.RecordingSink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SndfileWavTest {

    @TempDir
    Path dir;

    @Test
    void readsAMonoWavAsJavaSoundWritesIt() throws IOException {
        Path file = dir.resolve("mono.wav");
        new RecordingSink.Recording(new short[] {1, -2, 3, Short.MAX_VALUE, Short.MIN_VALUE}, 8000).writeWav(file);

        SndfileWav wav = SndfileWav.read(file);

        assertThat(wav.sampleRate()).isEqualTo(8000);
        assertThat(wav.channels()).isEqualTo(1);
        assertThat(wav.samples()).containsExactly(1, -2, 3, Short.MAX_VALUE, Short.MIN_VALUE);
    }

    @Test
    void keepsTheFirstChannelAndReadsToTheEndWhenTheHeaderWasNotYetFinalised() throws IOException {
        // what sndfile has on disk while the call lasts: RIFF and data sizes still 0
        Path file = dir.resolve("open.wav");
        Files.write(file, wav(48_000, 2, 0, new short[] {10, -10, 20, -20, 30, -30}));

        SndfileWav wav = SndfileWav.read(file);

        assertThat(wav.sampleRate()).isEqualTo(48_000);
        assertThat(wav.channels()).isEqualTo(2);
        assertThat(wav.samples()).containsExactly(10, 20, 30);
    }

    @Test
    void refusesWhatIsNotA16BitPcmWav() throws IOException {
        Path text = dir.resolve("text.wav");
        Files.writeString(text, "RIFF....WAVEnot a chunk at all");
        Path truncated = dir.resolve("short.wav");
        Files.writeString(truncated, "RIFF");

        assertThatThrownBy(() -> SndfileWav.read(text)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> SndfileWav.read(truncated)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a RIFF/WAVE");
    }

    private static byte[] wav(int rate, int channels, int dataSize, short[] samples) {
        ByteBuffer out = ByteBuffer.allocate(44 + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(0).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        out.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) channels)
                .putInt(rate).putInt(rate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        out.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataSize);
        for (short sample : samples) {
            out.putShort(sample);
        }
        return out.array();
    }
}
