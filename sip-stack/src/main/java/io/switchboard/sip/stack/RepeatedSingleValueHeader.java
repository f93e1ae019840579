package io.switchboard.sip.stack;

/**
 * Finds a header field that RFC 3261 allows once but a message carries twice (RFC 4475 3.3.8
 * "multi01": two CSeq, Call-ID, To, From, Max-Forwards; 3.3.9 "mcl01": two Content-Length).
 * JAIN-SIP's parser keeps one of the values without a word, so the message would be processed
 * with a guessed Call-ID or body length; the parser factory rejects it instead (400).
 */
final class RepeatedSingleValueHeader {

    /** The single-value fields the check covers. */
    private static final String[] LONG_NAMES = {"Call-ID", "CSeq", "From", "To", "Max-Forwards", "Content-Length"};
    /** Every name they may have on the wire, lower case, and the index of each one's long name. */
    private static final String[] WIRE_NAMES = {"call-id", "i", "cseq", "from", "f", "to", "t", "max-forwards",
        "content-length", "l"};
    private static final int[] LONG_INDEX = {0, 0, 1, 2, 2, 3, 3, 4, 5, 5};

    private RepeatedSingleValueHeader() {
    }

    /** The (long) name of the first single-value field that occurs twice in the header section, or null. */
    static String find(byte[] message) {
        if (message == null) {
            return null;
        }
        int[] seen = new int[1]; // a bit per index of LONG_NAMES
        return HeaderFields.scan(message, field -> {
            for (int i = 0; i < WIRE_NAMES.length; i++) {
                if (field.nameIs(WIRE_NAMES[i])) {
                    int bit = 1 << LONG_INDEX[i];
                    if ((seen[0] & bit) != 0) {
                        return LONG_NAMES[LONG_INDEX[i]];
                    }
                    seen[0] |= bit;
                    return null;
                }
            }
            return null;
        });
    }
}
