package io.switchboard.sip.ua.transaction;

/**
 * Handles the requests of one SIP method. Called on a JAIN-SIP thread: answers quickly and hands
 * slow work (listeners, state changes) to the user agent's executor.
 */
@FunctionalInterface
public interface RequestProcessor {

    void process(IncomingRequest request);
}
