package io.switchboard.sip.client;

import io.switchboard.core.model.Address;
import io.switchboard.core.service.VoicemailService;

import java.util.Optional;

/**
 * What a softphone needs of a registered SIP account: its address, the user agent that places and
 * takes its calls, and its voicemail indicator. A SIP/SIMPLE sign-in ({@link SipClientSession}) is
 * one; the phone line next to an XMPP sign-in ({@link SipPhoneLine}) is the other, so the client
 * builds one softphone for both.
 */
public interface SipPhone {

    Address self();

    SipUserAgent userAgent();

    Optional<VoicemailService> voicemail();
}
