package io.switchboard.sip.message;

import io.switchboard.core.model.Address;
import java.time.Instant;
import java.util.Objects;

/**
 * One pager-mode instant message (RFC 3428) as received.
 *
 * @param from       the sender's address of record (From)
 * @param to         the addressee (To)
 * @param text       the text/plain body, decoded
 * @param receivedAt when this user agent received it
 * @param sentAt     when it was sent, from its Date header when that is clearly earlier than
 *                   {@code receivedAt} (a message kept in an offline store); else {@code receivedAt}
 */
public record PagerMessage(Address from, Address to, String text, Instant receivedAt, Instant sentAt) {

    public PagerMessage(Address from, Address to, String text, Instant receivedAt) {
        this(from, to, text, receivedAt, receivedAt);
    }

    /** True when the message was held somewhere (an offline store) before it reached us. */
    public boolean delayed() {
        return sentAt.isBefore(receivedAt);
    }

    public PagerMessage {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(sentAt, "sentAt");
    }
}
