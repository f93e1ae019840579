package io.switchboard.app.settings;

import io.switchboard.sip.stack.SipTransport;

/**
 * The SIP fields of the sign-in form as last used, exactly as typed (never the password).
 *
 * @param address         address of record, user@domain
 * @param authUser        digest user name; empty for "the user part of the address"
 * @param proxy           primary proxy host[:port]; empty for "the address's domain, port 5060"
 * @param proxyTransport  transport to the primary proxy
 * @param backupProxy     backup proxy host[:port]; empty for none
 * @param backupTransport transport to the backup proxy
 * @param xcapRoot        XCAP root of the presence rules (accept/deny of watch requests, ADR 0019);
 *                        empty for "the primary proxy's host, port 5062"
 */
public record SipSignInSettings(String address, String authUser, String proxy, SipTransport proxyTransport,
                                String backupProxy, SipTransport backupTransport, String xcapRoot) {

    public static final SipSignInSettings EMPTY = new SipSignInSettings("", "", "", SipTransport.UDP, "",
            SipTransport.UDP, "");

    /** Without an XCAP root: the default one. */
    public SipSignInSettings(String address, String authUser, String proxy, SipTransport proxyTransport,
                             String backupProxy, SipTransport backupTransport) {
        this(address, authUser, proxy, proxyTransport, backupProxy, backupTransport, "");
    }

    public SipSignInSettings {
        address = address == null ? "" : address;
        authUser = authUser == null ? "" : authUser;
        proxy = proxy == null ? "" : proxy;
        proxyTransport = proxyTransport == null ? SipTransport.UDP : proxyTransport;
        backupProxy = backupProxy == null ? "" : backupProxy;
        backupTransport = backupTransport == null ? SipTransport.UDP : backupTransport;
        xcapRoot = xcapRoot == null ? "" : xcapRoot;
    }
}
