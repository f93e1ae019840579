package io.switchboard.deskphone;

/**
 * What a phone's speaker hears now: the dominant frequency of the last few hundred milliseconds
 * of received audio (0 when nothing, or nothing but silence, arrives) and its RMS level as a
 * fraction of full scale.
 */
public record Hearing(double toneHz, double level) {

    public static final Hearing SILENCE = new Hearing(0, 0);

    /** Whether a tone near {@code hz} (within {@code toleranceHz}) is heard above {@code minLevel}. */
    public boolean hears(double hz, double toleranceHz, double minLevel) {
        return level >= minLevel && Math.abs(toneHz - hz) <= toleranceHz;
    }
}
