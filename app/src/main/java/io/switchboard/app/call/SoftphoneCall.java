package io.switchboard.app.call;

import io.switchboard.core.model.Call;
import io.switchboard.media.AudioSession;
import io.switchboard.media.MediaDirection;
import io.switchboard.media.sdp.SdpAnswer;
import io.switchboard.media.sdp.SdpOffer;
import io.switchboard.media.sdp.SdpSession;
import io.switchboard.sip.call.SipCall;

/**
 * What {@link SoftphoneCalls} keeps per call: the SIP dialog, the RTP session, the SDP session
 * that numbers our offers, and the snapshot the UI last saw. Touched on the event thread only.
 */
final class SoftphoneCall {

    final AudioSession audio;
    final SdpSession sdp;
    SipCall sip;
    Call snapshot;
    /** Our last offer, to read the answer against. */
    SdpOffer offer;
    /** For an incoming call: the answer prepared when it rang, sent when the user answers. */
    SdpAnswer pendingAnswer;
    /** For the transferee's new call: where to report its progress (NOTIFY to the transferor). */
    io.switchboard.sip.call.TransferRequest transfer;
    /** The direction we want: INACTIVE while we hold the call. */
    MediaDirection wanted = MediaDirection.SENDRECV;
    /** Whether the audio as last negotiated is SRTP. */
    boolean encrypted;

    SoftphoneCall(AudioSession audio, SdpSession sdp) {
        this.audio = audio;
        this.sdp = sdp;
    }

    String id() {
        return snapshot.id();
    }
}
