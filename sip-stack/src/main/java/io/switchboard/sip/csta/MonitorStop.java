package io.switchboard.sip.csta;

/** Ends the monitor with this cross reference ({@code <monitorCrossRefID>}, ECMA-269 §19.1.6). */
public record MonitorStop(String crossRefId) implements CstaRequest {

    public static final int MAX_CROSS_REF_LENGTH = 64;

    public MonitorStop {
        crossRefId = CstaText.token(crossRefId, "monitor cross reference ID", MAX_CROSS_REF_LENGTH);
    }
}
