package io.switchboard.e2e.interop.sip;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A 16-bit PCM WAV file as baresip's {@code sndfile} filter writes it, reduced to its first
 * channel. The sizes in the header are only right once baresip closed the file at the end of the
 * call, so the samples are read from the {@code data} chunk to the end of the file whatever the
 * header says.
 *
 * @param samples    the first channel's samples
 * @param sampleRate samples per second (the codec's rate: 48000 for Opus, 8000 for PCMU)
 * @param channels   channels in the file
 */
public record SndfileWav(short[] samples, int sampleRate, int channels) {

    /** Calls last seconds here, not hours: anything bigger is not a test's recording. */
    private static final long MAX_BYTES = 64L << 20;
    private static final int PCM = 1;

    public static SndfileWav read(Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException(file + " is larger than " + MAX_BYTES + " bytes");
        }
        ByteBuffer wav = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.remaining() < 12 || !tag(wav, 0).equals("RIFF") || !tag(wav, 8).equals("WAVE")) {
            throw new IOException(file + " is not a RIFF/WAVE file");
        }
        int channels = 0;
        int sampleRate = 0;
        int position = 12;
        while (position + 8 <= wav.limit()) {
            String id = tag(wav, position);
            long size = Integer.toUnsignedLong(wav.getInt(position + 4));
            int body = position + 8;
            if (id.equals("fmt ")) {
                if (wav.getShort(body) != PCM || wav.getShort(body + 14) != 16) {
                    throw new IOException(file + " is not 16-bit PCM");
                }
                channels = wav.getShort(body + 2);
                sampleRate = wav.getInt(body + 4);
            } else if (id.equals("data")) {
                if (channels <= 0 || sampleRate <= 0) {
                    throw new IOException(file + " has its data before a usable fmt chunk");
                }
                int frames = (wav.limit() - body) / (2 * channels);
                short[] samples = new short[frames];
                for (int i = 0; i < frames; i++) {
                    samples[i] = wav.getShort(body + i * 2 * channels);
                }
                return new SndfileWav(samples, sampleRate, channels);
            }
            position = (int) Math.min(wav.limit(), body + size + (size & 1));
        }
        throw new IOException(file + " has no data chunk");
    }

    public long durationMillis() {
        return samples.length * 1000L / sampleRate;
    }

    private static String tag(ByteBuffer wav, int at) {
        byte[] id = new byte[4];
        wav.get(at, id);
        return new String(id, StandardCharsets.US_ASCII);
    }
}
