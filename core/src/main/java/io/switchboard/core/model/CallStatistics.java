package io.switchboard.core.model;

/**
 * How a call's audio is doing, from its RTCP reports: what the in-call window's quality
 * indicator shows.
 *
 * @param packetLossPercent received packets lost, 0 to 100
 * @param jitterMillis      interarrival jitter of received packets
 * @param roundTripMillis   round-trip time to the other side, or -1 before RTCP has measured it
 * @param meanOpinionScore  estimated listening quality, 1 (bad) to 4.5 (excellent)
 * @param packetsReceived   audio packets received so far
 * @param encrypted         whether the audio is encrypted (SRTP) both ways
 */
public record CallStatistics(double packetLossPercent, double jitterMillis, long roundTripMillis,
                             double meanOpinionScore, long packetsReceived, boolean encrypted) {

    /** ITU-T G.107's user-satisfaction bands, by estimated MOS. */
    public enum Level {
        GOOD, FAIR, POOR;

        static Level of(double mos) {
            return mos >= 4.0 ? GOOD : mos >= 3.6 ? FAIR : POOR;
        }
    }

    public Level level() {
        return Level.of(meanOpinionScore);
    }
}
