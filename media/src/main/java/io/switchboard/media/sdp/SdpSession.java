package io.switchboard.media.sdp;

import io.switchboard.media.MediaDirection;
import io.switchboard.media.NegotiatedAudio;
import io.switchboard.media.SrtpKeys;
import io.switchboard.media.SrtpPolicy;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Our side of the SDP offer/answer exchanges of one call (RFC 3264), for one audio stream: makes
 * offers and re-offers, answers the peer's offers and reads the answers to ours.
 *
 * <p>It owns our {@code o=} line. Every description it writes carries the same session id; the
 * version goes up by one whenever a description differs from the previous one (hold, resume, a
 * changed answer) and stays when it is the same, as RFC 3264 8 requires.
 *
 * <p>SRTP (RFC 4568 SDES) follows the call's {@link SrtpPolicy}. SDES puts the keys in the SDP
 * itself, so they are sent only when the signalling is TLS (RFC 4568 8.3): over plain signalling
 * an optional policy falls back to plain RTP and a required one refuses the call.
 *
 * <p>Thread-safe: offers and answers of one call may come from different threads.
 */
public final class SdpSession {

    /** RFC 4566 5.2: "-" when there is no user id; ours would leak the account name. */
    private static final String USERNAME = "-";
    /** RFC 3264 5: a single dash for the meaningless unicast session name. */
    private static final String SESSION_NAME = "-";

    private final SdpParser parser = new SdpParser();
    private final SdpWriter writer = new SdpWriter();
    private final AudioAnswerer answerer = new AudioAnswerer();
    private final AnswerReader answerReader = new AnswerReader();

    private final InetAddress localAddress;
    private final int rtpPort;
    private final AudioCapabilities capabilities;
    private final SrtpPolicy srtpPolicy;
    private final long sessionId;
    private long version;
    private String lastWritten;
    /** Our last answer's keys: kept for a re-offer that keeps the offerer's key. */
    private Optional<SrtpKeys> lastAnswerKeys = Optional.empty();

    /**
     * @param localAddress where we receive RTP (IPv4 or IPv6, never a wildcard)
     * @param rtpPort      our RTP port; RTCP is on the next one
     * @param capabilities what we offer and accept
     * @param sessionId    the o= session id, fixed for the call (RFC 4566 suggests an NTP time)
     * @param version      the o= version of our first description
     */
    public SdpSession(InetAddress localAddress, int rtpPort, AudioCapabilities capabilities, long sessionId,
            long version) {
        this(localAddress, rtpPort, capabilities, sessionId, version, SrtpPolicy.OFF);
    }

    /**
     * A call's SDP with SRTP as the user's policy and the signalling allow.
     *
     * @param srtpPolicy        the user's SRTP setting
     * @param signallingSecure  whether this call's SIP goes over TLS all the way we can see (sips:
     *                          or transport=tls); only then may SDES keys be written
     * @throws UnacceptableSdpException SRTP is required but the signalling is not secure: the call
     *                                  cannot be made (answer an incoming one with 488)
     */
    public SdpSession(InetAddress localAddress, int rtpPort, AudioCapabilities capabilities, long sessionId,
            long version, SrtpPolicy srtpPolicy, boolean signallingSecure) throws UnacceptableSdpException {
        this(localAddress, rtpPort, capabilities, sessionId, version, effective(srtpPolicy, signallingSecure));
    }

    private static SrtpPolicy effective(SrtpPolicy policy, boolean signallingSecure) throws UnacceptableSdpException {
        Objects.requireNonNull(policy, "srtpPolicy");
        if (signallingSecure || policy == SrtpPolicy.OFF) {
            return policy;
        }
        if (policy == SrtpPolicy.REQUIRED) {
            throw new UnacceptableSdpException("SRTP is required, but the call's signalling is not TLS, and SDES "
                    + "keys must not be sent in the clear (RFC 4568 8.3)");
        }
        return SrtpPolicy.OFF;
    }

    private SdpSession(InetAddress localAddress, int rtpPort, AudioCapabilities capabilities, long sessionId,
            long version, SrtpPolicy effectiveSrtpPolicy) {
        this.srtpPolicy = effectiveSrtpPolicy;
        this.localAddress = Objects.requireNonNull(localAddress, "localAddress");
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
        if (localAddress.isAnyLocalAddress() || localAddress.isMulticastAddress()) {
            throw new IllegalArgumentException("not an address a peer can send to: " + localAddress);
        }
        if (rtpPort < 1 || rtpPort > 65_534) {
            throw new IllegalArgumentException("RTP port out of range 1..65534 (RTCP takes the next): " + rtpPort);
        }
        if (sessionId < 0 || version < 0) {
            throw new IllegalArgumentException("o= session id and version must not be negative");
        }
        this.rtpPort = rtpPort;
        this.sessionId = sessionId;
        this.version = version;
    }

    /**
     * An offer, or a re-offer in the same session (sendonly to hold, sendrecv to resume). With SRTP
     * every offer carries fresh keys (RFC 4568 7.1.4), so two offers always differ.
     */
    public synchronized SdpOffer createOffer(MediaDirection direction) {
        Objects.requireNonNull(direction, "direction");
        List<CryptoAttribute> keys = SdesNegotiation.offeredKeys(srtpPolicy);
        SdpDescription description = describe(List.of(LocalAudioMedia.offer(rtpPort, capabilities, direction,
                SdesNegotiation.offeredProtocol(srtpPolicy), keys)));
        return new SdpOffer(lastWritten, description, direction, capabilities, srtpPolicy, keys);
    }

    /**
     * Answers a peer's offer.
     *
     * @param remoteOffer the offer's text
     * @param wanted      the most we want: sendrecv normally, sendonly while we hold the call
     * @throws MalformedSdpException    the offer is not valid SDP or is over our limits (400)
     * @throws UnacceptableSdpException the offer has no audio stream we can use (488)
     */
    public synchronized SdpAnswer answer(String remoteOffer, MediaDirection wanted) throws SdpException {
        Objects.requireNonNull(wanted, "wanted");
        SdpDescription offer = parser.parse(remoteOffer);
        AudioAnswerer.Result result = answerer.answer(offer, capabilities, rtpPort, wanted, srtpPolicy,
                lastAnswerKeys);
        describe(result.media());
        lastAnswerKeys = result.audio().srtp();
        return new SdpAnswer(lastWritten, result.audio());
    }

    /**
     * Reads the peer's answer to one of our offers.
     *
     * @throws MalformedSdpException    the answer is not valid SDP or does not fit the offer
     * @throws UnacceptableSdpException the answer rejected our audio stream or has no codec we offered
     */
    public NegotiatedAudio readAnswer(SdpOffer offer, String remoteAnswer) throws SdpException {
        Objects.requireNonNull(offer, "offer");
        SdpDescription answer = parser.parse(remoteAnswer);
        return answerReader.read(offer, answer);
    }

    /** The SRTP policy in force for this call: the user's, or OFF when the signalling is not TLS. */
    public SrtpPolicy srtpPolicy() {
        return srtpPolicy;
    }

    public long sessionId() {
        return sessionId;
    }

    /** The o= version of the last description written, or of the first one still to come. */
    public synchronized long version() {
        return version;
    }

    /** Writes our description of these m-lines, moving the version on if anything changed. */
    private SdpDescription describe(List<SdpMedia> media) {
        SdpDescription description = description(media);
        String text = writer.write(description);
        if (lastWritten != null && !text.equals(lastWritten)) {
            if (version == Long.MAX_VALUE) {
                throw new IllegalStateException("o= version exhausted");
            }
            version++;
            description = description(media);
            text = writer.write(description);
        }
        lastWritten = text;
        return description;
    }

    private SdpDescription description(List<SdpMedia> media) {
        SdpOrigin origin = new SdpOrigin(USERNAME, Long.toString(sessionId), Long.toString(version),
                SdpAddresses.addressType(localAddress), SdpAddresses.text(localAddress));
        return new SdpDescription(origin, SESSION_NAME, Optional.of(SdpConnection.of(localAddress)), List.of(),
                media);
    }
}
