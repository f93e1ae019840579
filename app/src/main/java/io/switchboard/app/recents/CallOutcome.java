package io.switchboard.app.recents;

import io.switchboard.core.model.Call;
import io.switchboard.core.model.CallEndReason;

/** How a call in the history went, in the words the Recents list uses. */
public enum CallOutcome {
    ANSWERED("Answered"),
    MISSED("Missed"),
    DECLINED_BY_ME("Declined"),
    /** I hung up before the other side answered. */
    CANCELLED("Cancelled"),
    BUSY("Busy"),
    DECLINED("Declined"),
    NOT_FOUND("Not found"),
    UNAVAILABLE("Unavailable"),
    NO_ANSWER("No answer"),
    NO_COMMON_MEDIA("No common audio codec"),
    TRANSFERRED("Transferred"),
    FAILED("Failed");

    private final String label;

    CallOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The outcome of an ended call. */
    public static CallOutcome of(Call call) {
        if (call.connectedAt().isPresent()) {
            return ANSWERED;
        }
        if (call.isMissed()) {
            return MISSED;
        }
        CallEndReason reason = call.end().orElse(CallEndReason.FAILED);
        return switch (reason) {
            case HUNG_UP -> CANCELLED;
            case REMOTE_HUNG_UP -> call.outgoing() ? FAILED : MISSED;
            case DECLINED_BY_ME -> DECLINED_BY_ME;
            case BUSY -> BUSY;
            case DECLINED -> DECLINED;
            case NOT_FOUND -> NOT_FOUND;
            case UNAVAILABLE -> UNAVAILABLE;
            case NO_ANSWER -> NO_ANSWER;
            case NO_COMMON_MEDIA -> NO_COMMON_MEDIA;
            // only a call that connected can be transferred or replaced; answered above
            case TRANSFERRED, REPLACED -> TRANSFERRED;
            case FAILED -> FAILED;
        };
    }
}
