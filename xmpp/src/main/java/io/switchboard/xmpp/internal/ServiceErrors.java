package io.switchboard.xmpp.internal;

import io.switchboard.core.service.NoResponseException;
import io.switchboard.core.service.NotConnectedException;
import io.switchboard.core.service.PeerRefusedException;
import io.switchboard.core.service.ServiceException;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaError;

/** Maps Smack's exceptions to core's: "the peer said no" versus "we got no answer". */
public final class ServiceErrors {

    private ServiceErrors() {
    }

    /**
     * Smack queues a stanza on a connection that is not (yet) connected instead of failing;
     * a message typed while signed out must fail visibly, not vanish.
     */
    public static void requireSignedIn(org.jivesoftware.smack.XMPPConnection connection, String action)
            throws NotConnectedException {
        if (!connection.isAuthenticated()) {
            throw new NotConnectedException("Not signed in: cannot complete " + action);
        }
    }

    /** @param action what was attempted, for the message: "adding bob@example.com" */
    public static ServiceException map(String action, Exception e) {
        if (e instanceof XMPPException.XMPPErrorException xe) {
            StanzaError error = xe.getStanzaError();
            String condition = error == null || error.getCondition() == null
                    ? "undefined-condition" : error.getCondition().toString();
            String text = error == null || error.getConditionText() == null ? "" : ": " + error.getConditionText();
            return new PeerRefusedException(condition, "The server refused " + action + " (" + condition + ")" + text, e);
        }
        if (e instanceof SmackException.NoResponseException) {
            return new NoResponseException("The server did not answer in time while " + action, e);
        }
        if (e instanceof SmackException.NotConnectedException || e instanceof SmackException.NotLoggedInException) {
            return new NotConnectedException("Not connected: cannot complete " + action, e);
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new NotConnectedException("Interrupted while " + action, e);
        }
        return new ServiceException("Failed " + action + ": " + e.getMessage(), e);
    }
}
