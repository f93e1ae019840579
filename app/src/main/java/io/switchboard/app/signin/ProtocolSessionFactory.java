package io.switchboard.app.signin;

import io.switchboard.core.service.ClientSession;
import io.switchboard.core.service.ServiceException;
import io.switchboard.sip.client.SipPhoneLine;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.xmpp.XmppAccount;

import java.util.Objects;

/** The production factory: each account type goes to its protocol's factory. */
public final class ProtocolSessionFactory implements SessionFactory {

    private final XmppSessionFactory xmpp;
    private final SipSessionFactory sip;

    public ProtocolSessionFactory(XmppSessionFactory xmpp, SipSessionFactory sip) {
        this.xmpp = Objects.requireNonNull(xmpp, "xmpp");
        this.sip = Objects.requireNonNull(sip, "sip");
    }

    @Override
    public ClientSession create(XmppAccount account) {
        return xmpp.create(account);
    }

    @Override
    public ClientSession create(SipAccount account) throws ServiceException {
        return sip.create(account);
    }

    @Override
    public SipPhoneLine phoneLine(SipAccount account) throws ServiceException {
        return sip.phoneLine(account);
    }

    /** Only XMPP has start-up work worth doing early; SIP's stack starts per session. */
    @Override
    public Runnable warmUp() {
        return xmpp.warmUp();
    }
}
