package io.switchboard.app.signin;

import io.switchboard.core.service.ClientSession;
import io.switchboard.xmpp.XmppAccount;

/** Makes a (not yet signed-in) session for an account; a seam so view-model tests use a fake session. */
@FunctionalInterface
public interface SessionFactory {

    ClientSession create(XmppAccount account);
}
