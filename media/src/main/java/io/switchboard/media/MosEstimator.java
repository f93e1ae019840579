package io.switchboard.media;

/**
 * An estimated mean opinion score from loss, jitter and delay: the ITU-T G.107 E-model reduced
 * to what an endpoint knows, the way softphones' quality indicators do it. R = 93.2 minus the
 * delay impairment (one-way delay = RTT / 2 plus the jitter buffer, taken as twice the jitter,
 * plus the codec's frame) minus the codec's effective equipment impairment at that loss.
 */
public final class MosEstimator {

    private MosEstimator() {
    }

    public static double estimate(AudioCodec codec, double lossPercent, double jitterMillis, long roundTripMillis) {
        double oneWay = Math.max(0, roundTripMillis) / 2.0 + 2 * Math.max(0, jitterMillis) + 20;
        double delayImpairment = 0.024 * oneWay + (oneWay > 177.3 ? 0.11 * (oneWay - 177.3) : 0);
        double loss = Math.min(100, Math.max(0, lossPercent));
        // Equipment impairment Ie is 0 for G.711 (G.113 appendix I) and taken as 0 for Opus at
        // narrowband-equivalent quality; what differs is the robustness to random loss, Bpl:
        // 4.3 for G.711 without concealment (G.113), ~20 for Opus with its concealment and FEC
        // (no ITU value exists; this is the figure commonly used by VoIP monitors).
        double bpl = codec == AudioCodec.OPUS ? 20 : 4.3;
        double ieEff = 95 * loss / (loss + bpl);
        double r = 93.2 - delayImpairment - ieEff;
        if (r <= 0) {
            return 1.0;
        }
        double mos = 1 + 0.035 * r + r * (r - 60) * (100 - r) * 7e-6;
        return Math.max(1.0, Math.min(4.5, mos));
    }
}
