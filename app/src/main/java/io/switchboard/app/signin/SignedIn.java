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
 */
public record SignedIn(ClientSession session, Optional<String> notice, Optional<SipPhoneLine> phoneLine) {
    public SignedIn {
        Objects.requireNonNull(session, "session");
        notice = notice == null ? Optional.empty() : notice;
        phoneLine = phoneLine == null ? Optional.empty() : phoneLine;
    }

    /** Without a separate phone line (SIP sign-ins, XMPP without a phone server). */
    public SignedIn(ClientSession session, Optional<String> notice) {
        this(session, notice, Optional.empty());
    }

    SignedIn withPhoneLine(SipPhoneLine phone) {
        return new SignedIn(session, notice, Optional.of(phone));
    }

    /** Adds {@code text} to the notice, after the one already there. */
    SignedIn withNotice(String text) {
        return new SignedIn(session, Optional.of(notice.map(n -> n + " ").orElse("") + text), phoneLine);
    }
}
