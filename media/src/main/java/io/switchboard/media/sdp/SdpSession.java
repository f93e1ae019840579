package io.switchboard.media.sdp;

import io.switchboard.media.MediaDirection;
import io.switchboard.media.NegotiatedAudio;
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
    private final long sessionId;
    private long version;
    private String lastWritten;

    /**
     * @param localAddress where we receive RTP (IPv4 or IPv6, never a wildcard)
     * @param rtpPort      our RTP port; RTCP is on the next one
     * @param capabilities what we offer and accept
     * @param sessionId    the o= session id, fixed for the call (RFC 4566 suggests an NTP time)
     * @param version      the o= version of our first description
     */
    public SdpSession(InetAddress localAddress, int rtpPort, AudioCapabilities capabilities, long sessionId,
            long version) {
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

    /** An offer, or a re-offer in the same session (sendonly to hold, sendrecv to resume). */
    public synchronized SdpOffer createOffer(MediaDirection direction) {
        Objects.requireNonNull(direction, "direction");
        SdpDescription description = describe(List.of(LocalAudioMedia.offer(rtpPort, capabilities, direction)));
        return new SdpOffer(lastWritten, description, direction, capabilities);
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
        AudioAnswerer.Result result = answerer.answer(offer, capabilities, rtpPort, wanted);
        describe(result.media());
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
        return answerReader.read(offer.description(), answer, offer.capabilities());
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
