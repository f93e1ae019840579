package io.switchboard.sip.ua.transaction;

import io.switchboard.sip.stack.SipEndpoint;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A received request with the means to answer it once: statefully through its server transaction
 * where JAIN-SIP has or can make one, statelessly otherwise (a retransmission whose transaction
 * already answered).
 */
public final class IncomingRequest {

    private static final Logger LOG = LoggerFactory.getLogger(IncomingRequest.class);

    private final RequestEvent event;
    private final SipEndpoint endpoint;
    private boolean answered;
    private ServerTransaction transaction;

    public IncomingRequest(RequestEvent event, SipEndpoint endpoint) {
        this.event = event;
        this.endpoint = endpoint;
    }

    public Request request() {
        return event.getRequest();
    }

    /** The dialog JAIN-SIP matched the request to, or null. */
    public Dialog dialog() {
        return event.getDialog();
    }

    public SipEndpoint endpoint() {
        return endpoint;
    }

    public boolean answered() {
        return answered;
    }

    /** A response to this request, to add headers to before {@link #send(Response)}. */
    public Response createResponse(int status) {
        try {
            return endpoint.messageFactory().createResponse(status, event.getRequest());
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException("cannot build a " + status + " response", e);
        }
    }

    public void respond(int status) {
        send(createResponse(status));
    }

    public void respond(int status, String reasonPhrase) {
        Response response = createResponse(status);
        try {
            response.setReasonPhrase(reasonPhrase);
        } catch (java.text.ParseException e) {
            LOG.debug("reason phrase '{}' refused", reasonPhrase);
        }
        send(response);
    }

    /**
     * Sends a provisional (1xx) response through the request's server transaction; the final one
     * follows with {@link #send(Response)}.
     *
     * @return false if it could not be sent (the transaction is gone)
     */
    public boolean sendProvisional(Response response) {
        if (answered || response.getStatusCode() >= 200) {
            throw new IllegalStateException("not a provisional response, or already answered");
        }
        ServerTransaction server = serverTransaction();
        if (server == null) {
            return false;
        }
        try {
            server.sendResponse(response);
            return true;
        } catch (SipException | javax.sip.InvalidArgumentException e) {
            LOG.debug("cannot send {} to {}: {}", response.getStatusCode(), request().getMethod(), e.toString());
            return false;
        }
    }

    /** The request's server transaction (made on first use), or null for a retransmission. */
    public ServerTransaction serverTransactionOrNull() {
        return serverTransaction();
    }

    public void send(Response response) {
        if (answered) {
            return;
        }
        answered = true;
        try {
            ServerTransaction transaction = serverTransaction();
            if (transaction != null) {
                transaction.sendResponse(response);
            } else {
                endpoint.provider().sendResponse(response);
            }
        } catch (SipException | javax.sip.InvalidArgumentException e) {
            LOG.debug("cannot answer {} with {}: {}", request().getMethod(), response.getStatusCode(), e.toString());
        }
    }

    private ServerTransaction serverTransaction() {
        if (transaction != null) {
            return transaction;
        }
        if (event.getServerTransaction() != null) {
            transaction = event.getServerTransaction();
            return transaction;
        }
        try {
            transaction = endpoint.provider().getNewServerTransaction(event.getRequest());
            return transaction;
        } catch (TransactionAlreadyExistsException e) {
            return null;
        } catch (SipException e) {
            LOG.debug("no server transaction for {}: {}", request().getMethod(), e.toString());
            return null;
        }
    }
}
