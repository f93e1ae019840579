package io.switchboard.server.store;

/**
 * What a user's voice mailbox holds, as counts: the message-waiting indicator shows no more.
 *
 * @param newMessages messages not yet listened to: the lamp is on while there is one
 * @param oldMessages messages listened to and kept
 */
public record VoiceMailbox(int newMessages, int oldMessages) {

    /** The most a count may be: what a summary line can carry in 9 digits, and more than any mailbox. */
    public static final int MAX_COUNT = 99_999;

    public static final VoiceMailbox EMPTY = new VoiceMailbox(0, 0);

    public VoiceMailbox {
        if (newMessages < 0 || oldMessages < 0 || newMessages > MAX_COUNT || oldMessages > MAX_COUNT) {
            throw new IllegalArgumentException("message counts must be between 0 and " + MAX_COUNT);
        }
    }
}
