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
 */
public record SipSignInSettings(String address, String authUser, String proxy, SipTransport proxyTransport,
                                String backupProxy, SipTransport backupTransport) {

    public static final SipSignInSettings EMPTY = new SipSignInSettings("", "", "", SipTransport.UDP, "",
            SipTransport.UDP);

    public SipSignInSettings {
        address = address == null ? "" : address;
        authUser = authUser == null ? "" : authUser;
        proxy = proxy == null ? "" : proxy;
        proxyTransport = proxyTransport == null ? SipTransport.UDP : proxyTransport;
        backupProxy = backupProxy == null ? "" : backupProxy;
        backupTransport = backupTransport == null ? SipTransport.UDP : backupTransport;
    }
}
