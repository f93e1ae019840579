package io.switchboard.sip.csta;

/** The monitor started; its events will carry {@code crossRefId} as their {@code monitorCrossRefID}. */
public record MonitorStartResponse(String crossRefId) implements CstaResponse {

    public MonitorStartResponse {
        crossRefId = CstaText.token(crossRefId, "monitor cross reference ID", MonitorStop.MAX_CROSS_REF_LENGTH);
    }
}
