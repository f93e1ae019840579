package io.switchboard.sip.mwi;

/**
 * One summary line of RFC 3842 §5.2: {@code newmsgs/oldmsgs (new-urgentmsgs/old-urgentmsgs)}. The
 * urgent counts are part of the totals, not in addition to them; a line without the parenthesis
 * has urgent counts of zero. All counts are non-negative.
 */
public record MessageCounts(int newMessages, int oldMessages, int urgentNew, int urgentOld) {

    public static final MessageCounts NONE = new MessageCounts(0, 0, 0, 0);

    public MessageCounts {
        if (newMessages < 0 || oldMessages < 0 || urgentNew < 0 || urgentOld < 0) {
            throw new IllegalArgumentException("message counts cannot be negative");
        }
    }

    public static MessageCounts of(int newMessages, int oldMessages) {
        return new MessageCounts(newMessages, oldMessages, 0, 0);
    }

    /** Whether the parenthesised urgent part is worth writing. */
    public boolean hasUrgent() {
        return urgentNew > 0 || urgentOld > 0;
    }
}
