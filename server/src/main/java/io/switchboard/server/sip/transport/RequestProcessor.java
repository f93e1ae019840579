package io.switchboard.server.sip.transport;

/**
 * Handles the requests of one or more SIP methods. Called on a worker thread, never on a JAIN-SIP
 * thread, so it may block on the store. Must answer every request it is given (a final response)
 * unless it hands the transaction on, e.g. to a forked client transaction.
 */
@FunctionalInterface
public interface RequestProcessor {

    void process(IncomingRequest request);

    /**
     * True when this processor's requests get no server transaction: cheaper (nothing kept 32 s
     * per request), but retransmissions are not absorbed, so the processor must answer a repeated
     * request as it answered the first one — it must be idempotent for a repeat, and never fork.
     */
    default boolean stateless() {
        return false;
    }

    /**
     * True when this processor's requests over UDP get no server transaction but have their final
     * answer remembered compactly and repeated to retransmissions ({@link AnswerMemory}): as safe
     * as a transaction (each request is processed once), at ~40 bytes instead of ~2.5 KB for the
     * 32 s after the answer. Only for non-INVITE methods; the processor may fork and answer later.
     * Over TCP and TLS, and for a branch without RFC 3261's magic cookie, the request gets a real
     * transaction, which on a reliable transport ends at the answer anyway.
     */
    default boolean answerRemembered() {
        return false;
    }
}
