package io.switchboard.app.signin;

import io.switchboard.core.service.ClientSession;
import io.switchboard.sip.client.SipPhoneLine;

import java.util.Objects;
import java.util.Optional;

/**
 * A successful sign-in, handed to the composition root.
 *
 * @param notice    something the main window should tell the user (e.g. the password could not be remembered)
 * @param phoneLine an XMPP account's phone: the SIP line its calls use, not registered yet (the main
 *                  window registers it: a phone server that does not answer must not keep the user from IM)
 * @param password  the password the user signed in with (empty when unknown): a company directory that
 *                  reads as the user binds with it, as Jabber does with its sign-in password
 */
public record SignedIn(ClientSession session, Optional<String> notice, Optional<SipPhoneLine> phoneLine,
                       char[] password) {
    public SignedIn {
        Objects.requireNonNull(session, "session");
        notice = notice == null ? Optional.empty() : notice;
        phoneLine = phoneLine == null ? Optional.empty() : phoneLine;
        password = password == null ? new char[0] : password.clone();
    }

    /** Without the password (a directory that needs a bind is then read anonymously or not at all). */
    public SignedIn(ClientSession session, Optional<String> notice, Optional<SipPhoneLine> phoneLine) {
        this(session, notice, phoneLine, new char[0]);
    }

    /** Without a separate phone line (SIP sign-ins, XMPP without a phone server). */
    public SignedIn(ClientSession session, Optional<String> notice) {
        this(session, notice, Optional.empty());
    }

    /** A copy of the password: callers may wipe what they get. */
    @Override
    public char[] password() {
        return password.clone();
    }

    SignedIn withPhoneLine(SipPhoneLine phone) {
        return new SignedIn(session, notice, Optional.of(phone), password);
    }

    SignedIn withPassword(char[] secret) {
        return new SignedIn(session, notice, phoneLine, secret);
    }

    /** Adds {@code text} to the notice, after the one already there. */
    SignedIn withNotice(String text) {
        return new SignedIn(session, Optional.of(notice.map(n -> n + " ").orElse("") + text), phoneLine, password);
    }
}
