package io.switchboard.server.sip.transport;

/**
 * Handles the requests of one or more SIP methods. Called on a worker thread, never on a JAIN-SIP
 * thread, so it may block on the store. Must answer every request it is given (a final response)
 * unless it hands the transaction on, e.g. to a forked client transaction.
 */
@FunctionalInterface
public interface RequestProcessor {

    void process(IncomingRequest request);
}
