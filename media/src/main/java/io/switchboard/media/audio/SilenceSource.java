package io.switchboard.media.audio;

import java.util.Arrays;

/** Sends digital silence, e.g. while no file or tone is chosen. */
public final class SilenceSource implements PcmSource {

    @Override
    public void read(short[] frame) {
        Arrays.fill(frame, (short) 0);
    }
}
