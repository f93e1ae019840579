package io.switchboard.app.call;

import io.switchboard.core.service.SignInException;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.ua.SipProxy;

/**
 * Why the phone line of an XMPP account did not register, in the words of the phone area (the
 * user is signed in for IM all the same, so these are not sign-in errors). Stateless.
 */
public final class PhoneLineFailures {

    private PhoneLineFailures() {
    }

    /** E.g. "the phone server 127.0.0.1:5060 did not answer". */
    public static String describe(SignInException failure, SipProxy server) {
        String where = "the phone server " + name(server);
        return switch (failure.reason()) {
            case UNREACHABLE -> where + " did not answer";
            case BAD_CREDENTIALS -> where + " refused your user name and password";
            case CERTIFICATE_UNTRUSTED -> "the certificate of " + where + " is not trusted";
            case TLS_FAILURE -> "a secure connection to " + where + " could not be set up: " + failure.getMessage();
            case POLICY_VIOLATION, PROTOCOL_ERROR -> where + " refused the phone line: " + failure.getMessage();
        };
    }

    /** host:port as typed, with the transport only when it is not the default UDP. */
    static String name(SipProxy server) {
        String hostPort = (server.host().contains(":") ? "[" + server.host() + "]" : server.host()) + ":" + server.port();
        return server.transport() == SipTransport.UDP ? hostPort
                : hostPort + ";transport=" + server.transport().name().toLowerCase(java.util.Locale.ROOT);
    }
}
