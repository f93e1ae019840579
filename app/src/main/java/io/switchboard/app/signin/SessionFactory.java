package io.switchboard.app.signin;

import io.switchboard.core.service.ClientSession;
import io.switchboard.core.service.ServiceException;
import io.switchboard.sip.client.SipPhoneLine;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.xmpp.XmppAccount;

/**
 * Makes a (not yet signed-in) session for an account of either type; a seam so view-model tests
 * use a fake session. XMPP is the functional method (the existing fakes stay one-line lambdas);
 * production wires {@link ProtocolSessionFactory}, which also knows SIP.
 */
@FunctionalInterface
public interface SessionFactory {

    ClientSession create(XmppAccount account);

    /**
     * A session for a SIP/SIMPLE account.
     *
     * @throws ServiceException when no session can be made (no local SIP port), or this factory has no SIP
     */
    default ClientSession create(SipAccount account) throws ServiceException {
        throw new ServiceException("SIP accounts are not available in this client");
    }

    /**
     * The phone line of an XMPP account (calls over SIP, IM and presence over XMPP), started but
     * not registered.
     *
     * @throws ServiceException when no line can be made (no local SIP port), or this factory has no SIP
     */
    default SipPhoneLine phoneLine(SipAccount account) throws ServiceException {
        throw new ServiceException("calls are not available in this client");
    }

    /**
     * The one-off work of a first sign-in that needs no account (protocol library start-up,
     * TLS, parsers), to run on a background thread while the sign-in window is shown.
     */
    default Runnable warmUp() {
        return () -> { };
    }
}
