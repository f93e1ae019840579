package io.switchboard.sip.mwi;

/** A message-summary body that is not acceptable: too large, not text, or a line RFC 3842 §5.2 does not allow. */
public final class MessageSummaryParseException extends Exception {

    private static final long serialVersionUID = 1L;

    public MessageSummaryParseException(String message) {
        super(message);
    }
}
