package io.switchboard.app.signin;

import io.switchboard.core.service.ClientSession;
import io.switchboard.xmpp.XmppAccount;
import io.switchboard.xmpp.XmppClientSession;
import io.switchboard.xmpp.XmppWarmUp;

/** Production sessions: Smack over TCP with the standard reconnect policy. */
public final class XmppSessionFactory implements SessionFactory {

    @Override
    public ClientSession create(XmppAccount account) {
        return new XmppClientSession(account);
    }

    @Override
    public Runnable warmUp() {
        return new XmppWarmUp();
    }
}
