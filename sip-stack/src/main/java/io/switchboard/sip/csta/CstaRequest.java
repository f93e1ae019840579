package io.switchboard.sip.csta;

/** A CSTA service request (sent in an INFO, or the INVITE that opens the session). */
public sealed interface CstaRequest extends CstaMessage
        permits RequestSystemStatus, GetCstaFeatures, MonitorStart, MonitorStop, MakeCall, AnswerCall,
        ClearConnection, HoldCall, RetrieveCall, SingleStepTransferCall, ConsultationCall, TransferCall,
        GenerateDigits, SetDoNotDisturb {
}
