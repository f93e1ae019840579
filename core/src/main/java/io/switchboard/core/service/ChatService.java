package io.switchboard.core.service;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.ChatMessage;
import io.switchboard.core.model.ChatState;
import io.switchboard.core.model.Conversation;

import java.util.List;

/** One-to-one instant messaging. */
public interface ChatService {

    /**
     * Sends a message. The returned message has {@code SENT} or {@code QUEUED_OFFLINE}
     * delivery; later changes (delivered, failed) reach {@link ChatListener#messageUpdated}.
     */
    ChatMessage send(Address to, String body) throws ServiceException;

    /** Tells the peer what I am doing in our conversation (XEP-0085): typing, paused... */
    void sendChatState(Address to, ChatState state) throws ServiceException;

    /** The conversation with a peer, created empty if there was none this session. */
    Conversation conversationWith(Address peer);

    List<Conversation> conversations();

    ListenerRegistration addListener(ChatListener listener);

    /** Called on the session's event thread. */
    interface ChatListener {
        default void messageReceived(ChatMessage message) {
        }

        /** Delivery state of an outgoing message changed. */
        default void messageUpdated(ChatMessage message) {
        }

        default void chatStateChanged(Address peer, ChatState state) {
        }
    }
}
