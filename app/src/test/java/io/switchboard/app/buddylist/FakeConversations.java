package io.switchboard.app.buddylist;

import io.switchboard.app.chat.Conversations;
import io.switchboard.core.model.Address;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;

/** Records which chats were opened; unread counters tests can set. */
final class FakeConversations implements Conversations {

    final List<Address> opened = new CopyOnWriteArrayList<>();
    private final Map<Address, IntegerProperty> unread = new ConcurrentHashMap<>();

    @Override
    public void open(Address peer) {
        opened.add(peer);
    }

    @Override
    public ReadOnlyIntegerProperty unreadCount(Address peer) {
        return counter(peer);
    }

    IntegerProperty counter(Address peer) {
        return unread.computeIfAbsent(peer, p -> new SimpleIntegerProperty(0));
    }
}
