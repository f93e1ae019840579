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
        if (event.getServerTransaction() != null) {
            return event.getServerTransaction();
        }
        try {
            return endpoint.provider().getNewServerTransaction(event.getRequest());
        } catch (TransactionAlreadyExistsException e) {
            return null;
        } catch (SipException e) {
            LOG.debug("no server transaction for {}: {}", request().getMethod(), e.toString());
            return null;
        }
    }
}
