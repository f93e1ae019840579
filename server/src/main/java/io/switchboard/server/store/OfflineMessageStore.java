package io.switchboard.server.store;

import java.time.Instant;
import java.util.List;

/**
 * Messages for users who were offline (XEP-0160), kept in the database so they survive a
 * server restart. Delivery is fetch-then-delete so a crash between the two duplicates rather
 * than loses a message.
 */
public interface OfflineMessageStore {

    /**
     * Stores one message stanza for {@code owner}; returns false (the caller bounces the
     * message with resource-constraint) when the owner's quota is full.
     */
    boolean store(String owner, String stanzaXml, Instant receivedAt) throws StoreException;

    List<OfflineMessage> fetch(String owner) throws StoreException;

    void delete(String owner, List<Long> ids) throws StoreException;

    int count(String owner) throws StoreException;

    record OfflineMessage(long id, String stanzaXml, Instant receivedAt) {
    }
}
