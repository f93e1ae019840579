package io.switchboard.app.signin;

import io.switchboard.core.service.ClientSession;
import io.switchboard.xmpp.XmppAccount;

/** Makes a (not yet signed-in) session for an account; a seam so view-model tests use a fake session. */
@FunctionalInterface
public interface SessionFactory {

    ClientSession create(XmppAccount account);

    /**
     * The one-off work of a first sign-in that needs no account (protocol library start-up,
     * TLS, parsers), to run on a background thread while the sign-in window is shown.
     */
    default Runnable warmUp() {
        return () -> { };
    }
}
