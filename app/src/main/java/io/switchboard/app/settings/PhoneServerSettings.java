package io.switchboard.app.settings;

import io.switchboard.sip.stack.SipTransport;

/**
 * The phone server of an XMPP account as last typed: the SIP proxy its calls go through (IM and
 * presence stay on XMPP). Empty proxy: the account has no phone.
 *
 * @param proxy     host[:port] as typed; empty for "no phone"
 * @param transport UDP, TCP or TLS to the proxy
 */
public record PhoneServerSettings(String proxy, SipTransport transport) {

    public static final PhoneServerSettings NONE = new PhoneServerSettings("", SipTransport.UDP);

    public PhoneServerSettings {
        proxy = proxy == null ? "" : proxy.strip();
        transport = transport == null ? SipTransport.UDP : transport;
    }
}
