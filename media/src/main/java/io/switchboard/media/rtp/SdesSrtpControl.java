package io.switchboard.media.rtp;

import org.jitsi.impl.neomedia.AbstractRTPConnector;
import org.jitsi.service.neomedia.AbstractSrtpControl;
import org.jitsi.service.neomedia.SrtpControlType;
import org.jitsi.utils.MediaType;

/**
 * libjitsi's hook for a stream's SRTP, holding our {@link SdesKeying}. libjitsi's own
 * {@code SDesControlImpl} makes its keys and parses crypto lines itself; ours come from
 * {@code media.sdp}, which owns the SDP, so this control only carries them to the engine.
 */
final class SdesSrtpControl extends AbstractSrtpControl<SdesKeying> {

    SdesSrtpControl() {
        super(SrtpControlType.SDES);
    }

    @Override
    protected SdesKeying createTransformEngine() {
        return new SdesKeying();
    }

    /** Whether packets are being encrypted now. */
    @Override
    public boolean getSecureCommunicationStatus() {
        return getTransformEngine().isEncrypting();
    }

    /** SDES keys travel in the SDP: only over TLS (RFC 4568 8.3). */
    @Override
    public boolean requiresSecureSignalingTransport() {
        return true;
    }

    @Override
    public void setConnector(AbstractRTPConnector connector) {
        // keys come from the SDP, not from the media path (unlike ZRTP or DTLS-SRTP)
    }

    @Override
    public void start(MediaType mediaType) {
        // keyed by SdesKeying.apply when the SDP settles, not when the stream starts
    }
}
