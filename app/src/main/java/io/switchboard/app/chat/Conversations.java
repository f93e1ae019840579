package io.switchboard.app.chat;

import io.switchboard.core.model.Address;

import javafx.beans.property.ReadOnlyIntegerProperty;

/**
 * What the rest of the UI needs from chat: opening a conversation (double-click in the buddy
 * list) and the unread count of each peer (badges in the buddy list). Implemented by the chat
 * view model; called on the UI thread.
 */
public interface Conversations {

    /** Opens (or brings to front) the conversation with {@code peer} and marks it read. */
    void open(Address peer);

    /** Messages from {@code peer} not yet seen; 0 when none. Updated on the UI thread. */
    ReadOnlyIntegerProperty unreadCount(Address peer);
}
