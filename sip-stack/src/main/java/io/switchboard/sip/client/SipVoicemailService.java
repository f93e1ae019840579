package io.switchboard.sip.client;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.event.Listeners;
import io.switchboard.core.model.MessageWaiting;
import io.switchboard.core.service.VoicemailService;
import io.switchboard.sip.mwi.MessageCounts;
import io.switchboard.sip.mwi.MessageSummary;
import io.switchboard.sip.mwi.VoicemailIndicator;
import java.util.concurrent.Executor;

/**
 * Core's {@link VoicemailService} over the SIP {@link VoicemailIndicator}: the voice-message line of
 * each summary as a {@link MessageWaiting}. The indicator's listener already runs on the session's
 * event thread; listeners here run there too.
 */
final class SipVoicemailService implements VoicemailService {

    private final Listeners<MessageWaitingListener> listeners;
    private volatile MessageWaiting state = MessageWaiting.NONE;

    SipVoicemailService(VoicemailIndicator indicator, Executor events) {
        this.listeners = new Listeners<>(events);
        indicator.addListener(this::summaryChanged);
    }

    static MessageWaiting toMessageWaiting(MessageSummary summary) {
        MessageCounts voice = summary.voice();
        return new MessageWaiting(summary.messagesWaiting(), voice.newMessages(), voice.oldMessages(),
                voice.urgentNew(), voice.urgentOld(), summary.account());
    }

    @Override
    public MessageWaiting messageWaiting() {
        return state;
    }

    @Override
    public ListenerRegistration addListener(MessageWaitingListener listener) {
        return listeners.add(listener);
    }

    private void summaryChanged(MessageSummary summary) {
        MessageWaiting next = toMessageWaiting(summary);
        if (!next.equals(state)) {
            state = next;
            listeners.fire(l -> l.messageWaitingChanged(next));
        }
    }
}
