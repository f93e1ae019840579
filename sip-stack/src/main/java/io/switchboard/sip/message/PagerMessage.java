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
 */
public record PagerMessage(Address from, Address to, String text, Instant receivedAt) {

    public PagerMessage {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
