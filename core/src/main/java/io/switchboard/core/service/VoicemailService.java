package io.switchboard.core.service;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.model.MessageWaiting;

/**
 * The voicemail indicator of the signed-in account: the session subscribes to the mailbox's
 * message summary at sign-in and keeps the state here; listeners hear every change.
 */
public interface VoicemailService {

    /** The last state the mailbox reported; {@link MessageWaiting#NONE} before the first report. */
    MessageWaiting messageWaiting();

    ListenerRegistration addListener(MessageWaitingListener listener);

    /** Called on the session's event thread. */
    @FunctionalInterface
    interface MessageWaitingListener {
        void messageWaitingChanged(MessageWaiting state);
    }
}
