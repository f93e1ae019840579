package io.switchboard.deskphone;

import io.switchboard.core.model.Address;
import io.switchboard.sip.register.RegistrationState;

import java.util.List;
import java.util.Optional;

/**
 * A desk phone at one moment: its line's registration and its calls (live ones first, then
 * recently ended ones, newest first).
 *
 * @param line         the line's address of record
 * @param registration where the line's registration stands
 * @param toneHz       the tone the phone sends as its microphone
 * @param autoAnswer   the incoming-call policy
 * @param calls        the calls
 */
public record DeskPhoneStatus(Address line, RegistrationState registration, double toneHz,
                              AutoAnswerPolicy autoAnswer, List<DeskPhoneCall> calls) {

    public DeskPhoneStatus {
        calls = List.copyOf(calls);
    }

    /** The call with this Call-ID, if the phone still knows it. */
    public Optional<DeskPhoneCall> call(String callId) {
        return calls.stream().filter(c -> c.callId().equals(callId)).findFirst();
    }

    /** The calls not yet ended. */
    public List<DeskPhoneCall> liveCalls() {
        return calls.stream().filter(c -> c.state() != PhoneCallState.ENDED).toList();
    }
}
