package io.switchboard.core.service;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Call;
import io.switchboard.core.model.CallStatistics;

import java.util.List;
import java.util.Optional;

/**
 * Softphone calls: dial, answer, hold, mute, DTMF, hang up. Every change of a call reaches
 * {@link CallListener#callChanged} as a new {@link Call} snapshot, on the session's event thread.
 * Operations return at once; their outcome arrives as a call change (a failed call ends with its
 * reason), so they never block a UI thread on the network.
 */
public interface CallService {

    /**
     * Calls {@code who}.
     *
     * @throws ServiceException if no call can be placed now (not signed in, no free audio port, too
     *                          many calls)
     */
    Call dial(Address who) throws ServiceException;

    /** Answers the incoming call {@code callId}; other calls in progress are put on hold. */
    void answer(String callId) throws ServiceException;

    /** Declines the incoming call {@code callId} (the caller hears "declined"). */
    void decline(String callId);

    /** Ends the call {@code callId}, whatever its state. */
    void hangUp(String callId);

    /** Puts the call on hold (no audio either way) or resumes it. */
    void hold(String callId, boolean onHold) throws ServiceException;

    /** Mutes or unmutes my microphone in the call; the other side still hears nothing else change. */
    void mute(String callId, boolean muted);

    /**
     * Blind transfer: the other party of {@code callId} is asked to call {@code target}; my call
     * ends (TRANSFERRED) once the new call is answered, or stays as it was when the transfer fails.
     */
    void transfer(String callId, Address target) throws ServiceException;

    /**
     * Attended transfer: the other party of {@code callId} takes over my call {@code consultationCallId}
     * (RFC 3891 Replaces); both my calls end (TRANSFERRED) when it is done.
     */
    void transfer(String callId, String consultationCallId) throws ServiceException;

    /** Sends a DTMF digit (0–9, *, #, A–D) in the call, e.g. to a voicemail menu. */
    void sendDtmf(String callId, char digit) throws ServiceException;

    /** The calls not yet ended, oldest first. */
    List<Call> calls();

    ListenerRegistration addListener(CallListener listener);

    /** Called on the session's event thread. */
    /**
     * How the call's audio is doing now; empty before its audio flows and after it ended. Cheap
     * enough to ask once a second.
     */
    default Optional<CallStatistics> statistics(String callId) {
        return Optional.empty();
    }

    interface CallListener {
        /** A call was placed, rang in, or changed state; ended calls are reported once more, ended. */
        void callChanged(Call call);

        /** A transfer I asked for did not happen; the call stays as it was. */
        default void transferFailed(String callId, String reason) {
        }

        /**
         * A request about the call (hold, answer, a key...) was refused after it was sent: services
         * that ask a remote controller, such as a desk phone's CTI gateway, learn it only then.
         */
        default void requestFailed(String callId, String reason) {
        }

        /** The other side pressed a DTMF key in the call. */
        default void dtmfReceived(String callId, char digit) {
        }
    }
}
