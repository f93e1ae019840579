package io.switchboard.sip.csta;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code <cause>} of a call control event (ECMA-269 §12.2.15 EventCause, spelled as ECMA-323 writes
 * it). Only the values a desk phone's call control can produce are listed; any other value, or an event
 * without a cause, reads as {@link #UNKNOWN} so that a newer peer's events still parse. {@code UNKNOWN}
 * has no wire form: the writer leaves the {@code <cause>} element out for it.
 */
public enum Cause {
    ACTIVE_PARTICIPATION("activeParticipation"),
    ALTERNATE("alternate"),
    BLOCKED("blocked"),
    BUSY("busy"),
    CALL_BACK("callBack"),
    CALL_CANCELLED("callCancelled"),
    CALL_FORWARD("callForward"),
    CALL_FORWARD_IMMEDIATE("callForwardImmediate"),
    CALL_FORWARD_BUSY("callForwardBusy"),
    CALL_FORWARD_NO_ANSWER("callForwardNoAnswer"),
    CALL_NOT_ANSWERED("callNotAnswered"),
    CALL_PICKUP("callPickup"),
    CAMP_ON("campOn"),
    CONFERENCE("conference"),
    CONSULTATION("consultation"),
    DEST_NOT_OBTAINABLE("destNotObtainable"),
    DEST_OUT_OF_ORDER("destOutOfOrder"),
    DISTRIBUTED("distributed"),
    DO_NOT_DISTURB("doNotDisturb"),
    INCOMPATIBLE_DESTINATION("incompatibleDestination"),
    INTRUDE("intrude"),
    INVALID_ACCOUNT_CODE("invalidAccountCode"),
    INVALID_NUMBER_FORMAT("invalidNumberFormat"),
    JOIN_CALL("joinCall"),
    KEY_OPERATION("keyOperation"),
    LOCKOUT("lockout"),
    MAINTENANCE("maintenance"),
    MAKE_CALL("makeCall"),
    MULTIPLE_ALERTING("multipleAlerting"),
    NETWORK_CONGESTION("networkCongestion"),
    NETWORK_NOT_OBTAINABLE("networkNotObtainable"),
    NETWORK_OUT_OF_ORDER("networkOutOfOrder"),
    NETWORK_SIGNAL("networkSignal"),
    NEW_CALL("newCall"),
    NO_AVAILABLE_AGENTS("noAvailableAgents"),
    NORMAL("normal"),
    NORMAL_CLEARING("normalClearing"),
    NUMBER_CHANGED("numberChanged"),
    NUMBER_UNALLOCATED("numberUnallocated"),
    OVERFLOW("overflow"),
    OVERRIDE("override"),
    PARK("park"),
    RECALL("recall"),
    REDIRECTED("redirected"),
    REORDER_TONE("reorderTone"),
    RESOURCES_NOT_AVAILABLE("resourcesNotAvailable"),
    SELECTED_TRUNK_BUSY("selectedTrunkBusy"),
    SINGLE_STEP_CONFERENCE("singleStepConference"),
    SINGLE_STEP_TRANSFER("singleStepTransfer"),
    SUSPEND("suspend"),
    TIMEOUT("timeout"),
    TRANSFER("transfer"),
    TRUNKS_BUSY("trunksBusy"),
    /** Absent, or a value not listed here; written as no {@code <cause>} at all. */
    UNKNOWN(null);

    private static final Map<String, Cause> BY_XML = new HashMap<>();

    static {
        for (Cause cause : values()) {
            if (cause.xmlValue != null) {
                BY_XML.put(cause.xmlValue, cause);
            }
        }
    }

    private final String xmlValue;

    Cause(String xmlValue) {
        this.xmlValue = xmlValue;
    }

    /** The ECMA-323 spelling; null for {@link #UNKNOWN}. */
    public String xmlValue() {
        return xmlValue;
    }

    /** The cause for an ECMA-323 value; {@link #UNKNOWN} for null or any value not listed. */
    public static Cause fromXml(String value) {
        return value == null ? UNKNOWN : BY_XML.getOrDefault(value, UNKNOWN);
    }
}
