package io.switchboard.e2e.scenarios;

import io.switchboard.core.model.Address;

/** A real, independent XMPP server started by a test on loopback with a throwaway config. */
public interface XmppServerFixture {

    String domain();

    /** The client-to-server port on 127.0.0.1 (STARTTLS required). */
    int c2sPort();

    /** SHA-256 fingerprint of the self-signed certificate the server presents. */
    String certificateFingerprint();

    /** Stops the server (every client connection drops) and starts it again with the same data. */
    void restart() throws Exception;

    /** Creates an account on the server. */
    Address register(String user, String password) throws Exception;
}
