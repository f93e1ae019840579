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
}
