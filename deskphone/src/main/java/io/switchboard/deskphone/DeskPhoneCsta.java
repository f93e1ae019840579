package io.switchboard.deskphone;

import io.switchboard.sip.csta.AnswerCall;
import io.switchboard.sip.csta.ClearConnection;
import io.switchboard.sip.csta.ConnectionId;
import io.switchboard.sip.csta.CstaError;
import io.switchboard.sip.csta.CstaErrorCode;
import io.switchboard.sip.csta.CstaRequest;
import io.switchboard.sip.csta.CstaResponse;
import io.switchboard.sip.csta.GenerateDigits;
import io.switchboard.sip.csta.PositiveAck;
import io.switchboard.sip.cti.CstaRequestHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's uaCSTA, as a CTI-capable desk phone offers it to a gateway: AnswerCall,
 * GenerateDigits and ClearConnection on one of its calls, named by the call's SIP Call-ID (the
 * phone knows its calls by their dialogs; the gateway names the phone's leg). Everything else is
 * answered {@code invalidFeature}, so the gateway falls back to plain SIP.
 */
final class DeskPhoneCsta implements CstaRequestHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeskPhoneCsta.class);

    private final PhoneControls phone;

    DeskPhoneCsta(PhoneControls phone) {
        this.phone = phone;
    }

    @Override
    public CstaResponse handle(CstaRequest request) {
        try {
            if (request instanceof AnswerCall answer) {
                phone.answer(callId(answer.callToBeAnswered()));
                return new PositiveAck("AnswerCall");
            } else if (request instanceof GenerateDigits digits) {
                phone.sendDigits(callId(digits.connectionToSendDigits()), digits.charactersToSend());
                return new PositiveAck("GenerateDigits");
            } else if (request instanceof ClearConnection clear) {
                phone.hangUp(callId(clear.connectionToBeCleared()));
                return new PositiveAck("ClearConnection");
            }
            return new CstaErrorCode(CstaError.INVALID_FEATURE);
        } catch (IllegalStateException e) {
            LOG.info("Desk phone {}: {} refused: {}", phone.line(), request.getClass().getSimpleName(), e.getMessage());
            return new CstaErrorCode(e.getMessage() != null && e.getMessage().startsWith("no call")
                    ? CstaError.INVALID_CONNECTION_ID : CstaError.INVALID_OBJECT_STATE);
        } catch (IllegalArgumentException e) {
            return new CstaErrorCode(CstaError.INVALID_FEATURE);
        } catch (DeskPhoneException e) {
            LOG.warn("Desk phone {}: {} failed: {}", phone.line(), request.getClass().getSimpleName(), e.getMessage());
            return new CstaErrorCode(CstaError.RESOURCE_OUT_OF_SERVICE);
        }
    }

    private static String callId(ConnectionId connection) {
        if (connection == null || connection.callId() == null) {
            throw new IllegalStateException("no call named");
        }
        return connection.callId();
    }
}
