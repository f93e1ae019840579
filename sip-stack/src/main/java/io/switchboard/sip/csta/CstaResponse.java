package io.switchboard.sip.csta;

/** The answer to a {@link CstaRequest}, carried in the 200 OK of the request's INFO (or INVITE). */
public sealed interface CstaResponse extends CstaMessage
        permits RequestSystemStatusResponse, GetCstaFeaturesResponse, MonitorStartResponse, MonitorStopResponse,
        MakeCallResponse, ConsultationCallResponse, TransferCallResponse, PositiveAck, CstaErrorCode {
}
