package io.switchboard.server.sip.transport;

import javax.sip.ClientTransaction;
import javax.sip.message.Response;

/**
 * Receives what becomes of a request the server sent (a forked branch, a NOTIFY). Attached to the
 * client transaction as its application data by {@link SipMessaging#send}; called on a worker thread.
 */
public interface ResponseHandler {

    void onResponse(ClientTransaction transaction, Response response);

    /** No final response arrived in time (Timer B/F) or the transport failed: as if 408. */
    void onTimeout(ClientTransaction transaction);
}
