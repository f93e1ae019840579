package io.switchboard.sip.ua.transaction;

import javax.sip.Dialog;
import javax.sip.SipException;
import javax.sip.message.Request;

/**
 * How to build one logical request, once per attempt: a digest-challenged request is sent again as
 * a new transaction with a higher CSeq (RFC 3261 §22.2), so each attempt needs a fresh message.
 */
public interface OutgoingRequest {

    /** A new request with the next CSeq (and, out of a dialog, a new Via branch). */
    Request create() throws SipException;

    /** The dialog to send in, or null for a request outside any dialog. */
    default Dialog dialog() {
        return null;
    }

    /** Told each attempt's client transaction before it is sent; for requests that create a dialog. */
    default void sent(javax.sip.ClientTransaction transaction) {
    }

    /** Told each provisional (1xx) response, on the user agent's executor. */
    default void provisional(javax.sip.message.Response response) {
    }

    /** How long to wait for the final response once a provisional one came; null: the usual timeout. */
    default java.time.Duration finalTimeout() {
        return null;
    }

    /** Where the request goes, "host:port", to tie connection failures to it; null if unknown. */
    String hop();

    /**
     * A request of {@code method} in {@code dialog} (refreshes, un-SUBSCRIBEs), completed by
     * {@code headers} each time it is built.
     */
    static OutgoingRequest inDialog(Dialog dialog, String method, String hop,
                                    java.util.function.Consumer<Request> headers) {
        return new OutgoingRequest() {
            @Override
            public Request create() throws SipException {
                Request request = dialog.createRequest(method);
                headers.accept(request);
                return request;
            }

            @Override
            public Dialog dialog() {
                return dialog;
            }

            @Override
            public String hop() {
                return hop;
            }
        };
    }
}
