package io.switchboard.server.xmpp.im;

import io.switchboard.server.store.OfflineMessageStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Offline messages in a map with a per-owner quota. */
public final class InMemoryOfflineMessageStore implements OfflineMessageStore {

    private final Map<String, List<OfflineMessage>> messages = new HashMap<>();
    private final int quota;
    private long nextId = 1;

    public InMemoryOfflineMessageStore(int quota) {
        this.quota = quota;
    }

    @Override
    public synchronized boolean store(String owner, String stanzaXml, Instant receivedAt) {
        List<OfflineMessage> list = messages.computeIfAbsent(owner, k -> new ArrayList<>());
        if (list.size() >= quota) {
            return false;
        }
        list.add(new OfflineMessage(nextId++, stanzaXml, receivedAt));
        return true;
    }

    @Override
    public synchronized List<OfflineMessage> fetch(String owner) {
        return List.copyOf(messages.getOrDefault(owner, List.of()));
    }

    @Override
    public synchronized void delete(String owner, List<Long> ids) {
        messages.getOrDefault(owner, new ArrayList<>()).removeIf(m -> ids.contains(m.id()));
    }

    @Override
    public synchronized int count(String owner) {
        return messages.getOrDefault(owner, List.of()).size();
    }
}
