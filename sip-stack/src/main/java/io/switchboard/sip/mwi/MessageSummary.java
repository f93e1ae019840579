package io.switchboard.sip.mwi;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@code application/simple-message-summary} body (RFC 3842 §5): whether messages are waiting,
 * the account they wait in (optional), and per message context class the new and old counts with
 * their urgent parts. The optional per-message headers after the summary (opt-msg-headers) are not
 * kept: an indicator does not show them, and keeping them would let a peer grow our memory.
 * Immutable.
 *
 * @param messagesWaiting the {@code Messages-Waiting} line: the lamp on or off
 * @param account         the {@code Message-Account} URI, or empty
 * @param counts          summary lines by class, in the enum's order
 */
public record MessageSummary(boolean messagesWaiting, Optional<String> account,
                             Map<MessageContextClass, MessageCounts> counts) {

    public static final String CONTENT_TYPE = "application";
    public static final String CONTENT_SUBTYPE = "simple-message-summary";
    /** The event package (RFC 3842 §3.1). */
    public static final String EVENT = "message-summary";

    /** Nothing waiting, no account, no counts: what a user without a mailbox sees. */
    public static final MessageSummary NONE = new MessageSummary(false, Optional.empty(), Map.of());

    public MessageSummary {
        Objects.requireNonNull(account, "account");
        EnumMap<MessageContextClass, MessageCounts> copy = new EnumMap<>(MessageContextClass.class);
        copy.putAll(Objects.requireNonNull(counts, "counts"));
        counts = Collections.unmodifiableMap(copy);
    }

    /** A voice mailbox summary: waiting when there is at least one new message. */
    public static MessageSummary voice(String account, int newMessages, int oldMessages) {
        return new MessageSummary(newMessages > 0, Optional.ofNullable(account),
                Map.of(MessageContextClass.VOICE, MessageCounts.of(newMessages, oldMessages)));
    }

    /** The counts of one class; zero when the body had no line for it. */
    public MessageCounts counts(MessageContextClass messageClass) {
        return counts.getOrDefault(messageClass, MessageCounts.NONE);
    }

    /** The voice-message line, the one a voicemail indicator shows. */
    public MessageCounts voice() {
        return counts(MessageContextClass.VOICE);
    }
}
