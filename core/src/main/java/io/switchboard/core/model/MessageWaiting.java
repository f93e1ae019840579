package io.switchboard.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The voicemail indicator's state: whether the lamp is on and how many voice messages wait, as the
 * mailbox last reported it (RFC 3842 in SIP). Urgent counts are part of the new/old counts, not in
 * addition to them. Immutable; protocol-neutral so a UI needs core only.
 *
 * @param waiting     the lamp: new messages wait (the mailbox says so, whatever the counts)
 * @param newMessages voice messages not yet listened to
 * @param oldMessages voice messages listened to and kept
 * @param urgentNew   of the new ones, how many are urgent
 * @param urgentOld   of the old ones, how many are urgent
 * @param account     the mailbox (e.g. {@code sip:alice@example.com}) when the server names it
 */
public record MessageWaiting(boolean waiting, int newMessages, int oldMessages, int urgentNew, int urgentOld,
                             Optional<String> account) {

    /** No mailbox state known yet, or none at all: lamp off, no messages. */
    public static final MessageWaiting NONE = new MessageWaiting(false, 0, 0, 0, 0, Optional.empty());

    public MessageWaiting {
        Objects.requireNonNull(account, "account");
        if (newMessages < 0 || oldMessages < 0 || urgentNew < 0 || urgentOld < 0) {
            throw new IllegalArgumentException("message counts cannot be negative");
        }
    }
}
