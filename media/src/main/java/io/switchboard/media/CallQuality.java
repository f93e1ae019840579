package io.switchboard.media;

/**
 * A call's receive-side quality from RTP and RTCP (RFC 3550 6.4): what the user's quality
 * indicator shows.
 *
 * @param packetLossPercent received packets lost, 0–100
 * @param jitterMillis      interarrival jitter
 * @param roundTripMillis   round-trip time from RTCP, or -1 before the first report
 * @param packetsReceived   RTP packets received so far
 * @param meanOpinionScore  estimated MOS, 1.0–4.5 (ITU-T G.107 E-model, simplified)
 */
public record CallQuality(double packetLossPercent, double jitterMillis, long roundTripMillis,
                          long packetsReceived, double meanOpinionScore) {
}
