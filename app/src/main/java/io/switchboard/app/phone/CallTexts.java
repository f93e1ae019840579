package io.switchboard.app.phone;

import io.switchboard.core.model.Call;
import io.switchboard.core.model.CallEndReason;
import io.switchboard.core.model.CallStatistics;

import java.time.Duration;
import java.util.Locale;

/** A call's state and duration as the call window words them. */
public final class CallTexts {

    private CallTexts() {
    }

    public static String state(Call call) {
        return switch (call.state()) {
            case DIALING -> "Calling…";
            case RINGING, EARLY_MEDIA -> "Ringing…";
            case INCOMING -> "Incoming call…";
            case CONNECTED -> "Connected";
            case ON_HOLD -> "On hold";
            case HELD -> "Held by the other side";
            case ENDED -> "Ended: " + endReason(call);
        };
    }

    /** Why an ended call ended, in a word or three. */
    public static String endReason(Call call) {
        boolean talked = call.connectedAt().isPresent();
        CallEndReason reason = call.end().orElse(CallEndReason.FAILED);
        return switch (reason) {
            case HUNG_UP -> talked ? "You hung up" : "Cancelled";
            case REMOTE_HUNG_UP -> talked ? "The other side hung up" : call.outgoing() ? "Hung up" : "Missed";
            case DECLINED_BY_ME -> "You declined";
            case BUSY -> "Busy";
            case DECLINED -> "Declined";
            case NOT_FOUND -> "Not found";
            case UNAVAILABLE -> "Unavailable";
            case NO_ANSWER -> "No answer";
            case NO_COMMON_MEDIA -> "No common audio codec";
            case TRANSFERRED -> "Transferred";
            case REPLACED -> "Taken over by a transferred call";
            case FAILED -> call.detail().isBlank() ? "Failed" : "Failed (" + call.detail() + ")";
        };
    }

    /** {@code mm:ss}; minutes go on counting past the hour, as on a desk phone's display. */
    public static String duration(Duration talked) {
        long seconds = Math.max(0, talked.toSeconds());
        return String.format("%02d:%02d", seconds / 60, seconds % 60);
    }

    /**
     * The quality indicator's text: whether the audio is encrypted, the band, the estimated MOS and
     * the RTCP figures behind it.
     */
    public static String quality(CallStatistics statistics) {
        String band = switch (statistics.level()) {
            case GOOD -> "Good";
            case FAIR -> "Fair";
            case POOR -> "Poor";
        };
        String rtt = statistics.roundTripMillis() < 0 ? "" : String.format(Locale.ROOT, " · RTT %d ms",
                statistics.roundTripMillis());
        return String.format(Locale.ROOT, "%s%s · MOS %.1f · loss %.1f %% · jitter %.0f ms%s",
                statistics.encrypted() ? "Encrypted · " : "", band,
                statistics.meanOpinionScore(), statistics.packetLossPercent(), statistics.jitterMillis(), rtt);
    }
}
