package io.switchboard.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.media.AudioCodec;
import io.switchboard.media.MediaDirection;
import io.switchboard.media.NegotiatedAudio;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The answerer's side: our answers to the RFCs' offers and to offers built to test one rule. */
class SdpAnswerTest {

    private static final String HEAD = "v=0\r\no=peer 5 5 IN IP4 192.0.2.50\r\ns=-\r\nc=IN IP4 192.0.2.50\r\nt=0 0\r\n";

    private final SdpSession bob = session(AudioCapabilities.defaults());

    private static SdpSession session(AudioCapabilities capabilities) {
        try {
            return new SdpSession(InetAddress.getByName("192.0.2.20"), 30000, capabilities, 42, 1);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static InetSocketAddress at(String address, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(address), port);
    }

    private static List<String> mLines(String sdp) {
        return sdp.lines().filter(l -> l.startsWith("m=")).toList();
    }

    /**
     * RFC 3264 10.1: audio PCMU plus two video streams. We take the audio and, having no video,
     * answer both video streams with port 0, keeping their formats and order.
     */
    @Test
    void answersRfc3264BasicExchange() throws Exception {
        SdpAnswer answer = bob.answer(RfcExample.withAddresses("rfc3264-10.1-offer.sdp"), MediaDirection.SENDRECV);

        assertThat(mLines(answer.sdp())).containsExactly(
                "m=audio 30000 RTP/AVP 0", "m=video 0 RTP/AVP 31", "m=video 0 RTP/AVP 32");
        assertThat(answer.audio()).isEqualTo(new NegotiatedAudio(at("192.0.2.1", 49170), at("192.0.2.1", 49171),
                AudioCodec.PCMU, 0, OptionalInt.empty(), MediaDirection.SENDRECV, 20));
        assertThat(answer.sdp()).contains("o=- 42 1 IN IP4 192.0.2.20\r\n", "c=IN IP4 192.0.2.20\r\n",
                "a=rtpmap:0 PCMU/8000\r\n", "a=rtcp:30001\r\n", "a=sendrecv\r\n");
    }

    /** RFC 3264 10.1 as printed: its c= lines name hosts, which we refuse rather than look up. */
    @Test
    void refusesHostNamesInConnectionLines() {
        assertThatThrownBy(() -> bob.answer(RfcExample.text("rfc3264-10.1-offer.sdp"), MediaDirection.SENDRECV))
                .isInstanceOf(UnacceptableSdpException.class)
                .hasMessageContaining("gives the host name 'host.anywhere.com' instead of an IP address")
                .extracting(e -> ((SdpException) e).sipStatusCode()).isEqualTo(488);
    }

    /**
     * RFC 3264 10.2: one of N codecs, offered inactive: we answer inactive with PCMU. The second
     * offer narrows to G.723, which we do not have: 488.
     */
    @Test
    void answersRfc3264OneOfNCodecs() throws Exception {
        SdpAnswer answer = bob.answer(RfcExample.withAddresses("rfc3264-10.2-offer.sdp"), MediaDirection.SENDRECV);

        assertThat(mLines(answer.sdp())).containsExactly("m=audio 30000 RTP/AVP 0");
        assertThat(answer.sdp()).contains("a=inactive\r\n");
        assertThat(answer.audio().direction()).isEqualTo(MediaDirection.INACTIVE);

        assertThatThrownBy(() -> bob.answer(RfcExample.withAddresses("rfc3264-10.2-second-offer.sdp"),
                MediaDirection.SENDRECV))
                .isInstanceOf(UnacceptableSdpException.class)
                .hasMessageContaining("no codec in common: offered [G723/8000]");
    }

    /**
     * RFC 4317 2.1: PCMU, PCMA and iLBC on 97, plus video. We take the offerer's first codec we
     * have (PCMU), not our own first (Opus, not offered), and reject the video.
     */
    @Test
    void answersRfc4317AudioAndVideo1() throws Exception {
        SdpAnswer answer = bob.answer(RfcExample.withAddresses("rfc4317-2.1-offer.sdp"), MediaDirection.SENDRECV);

        assertThat(mLines(answer.sdp())).containsExactly("m=audio 30000 RTP/AVP 0", "m=video 0 RTP/AVP 31 32");
        assertThat(answer.audio().codec()).isEqualTo(AudioCodec.PCMU);
        assertThat(answer.audio().remoteRtp()).isEqualTo(at("192.0.2.101", 49170));
    }

    /**
     * RFC 4317 2.4: a second audio stream of telephone-events only. We use one audio stream:
     * the first; the second is answered with port 0, so DTMF is not negotiated.
     */
    @Test
    void answersRfc4317TwoAudioStreamsWithTheFirstOnly() throws Exception {
        SdpAnswer answer = bob.answer(RfcExample.withAddresses("rfc4317-2.4-offer.sdp"), MediaDirection.SENDRECV);

        assertThat(mLines(answer.sdp())).containsExactly("m=audio 30000 RTP/AVP 0", "m=audio 0 RTP/AVP 98");
        assertThat(answer.audio().telephoneEvent()).isEmpty();
    }

    /**
     * RFC 4317 2.6: PCMU alone, or iLBC with telephone-event. Bob in the RFC rejects the first;
     * we have PCMU but not iLBC, so we take the first and reject the second. The RFC's answer
     * keeps both m-lines; so does ours.
     */
    @Test
    void answersRfc4317AudioOnly1() throws Exception {
        SdpAnswer answer = bob.answer(RfcExample.withAddresses("rfc4317-2.6-offer.sdp"), MediaDirection.SENDRECV);

        assertThat(mLines(answer.sdp())).containsExactly("m=audio 30000 RTP/AVP 0", "m=audio 0 RTP/AVP 97 101");
    }

    /** RFC 4317 2.6 with only PCMA on our side: both streams fail and the message says why. */
    @Test
    void explainsWhyNoStreamIsUsable() {
        SdpSession pcmaOnly = session(AudioCapabilities.of(AudioCodec.PCMA));

        assertThatThrownBy(() -> pcmaOnly.answer(RfcExample.withAddresses("rfc4317-2.6-offer.sdp"),
                MediaDirection.SENDRECV))
                .isInstanceOf(UnacceptableSdpException.class)
                .hasMessage("no usable audio stream in the offer ("
                        + "m-line 1 (audio): no codec in common: offered [PCMU/8000], we have [PCMA/8000]; "
                        + "m-line 2 (audio): no codec in common: offered [iLBC/8000, telephone-event/8000],"
                        + " we have [PCMA/8000])");
    }

    /** RFC 4317 5.1: an offer without media is valid SDP, but a call needs audio: 488, not 400. */
    @Test
    void refusesAnOfferWithoutMedia() {
        assertThatThrownBy(() -> bob.answer(RfcExample.withAddresses("rfc4317-5.1-offer.sdp"), MediaDirection.SENDRECV))
                .isInstanceOf(UnacceptableSdpException.class)
                .hasMessageContaining("the offer has no media streams");
    }

    /**
     * RFC 4317 5.2 / RFC 3264 8.4: c=IN IP4 0.0.0.0 means "send me nothing". We answer, but do
     * not send. iLBC is not ours, so the offer is changed to PCMU for this test.
     */
    @Test
    void treatsZeroConnectionAddressAsHold() throws Exception {
        String offer = RfcExample.withAddresses("rfc4317-5.2-offer.sdp")
                .replace("RTP/AVP 97", "RTP/AVP 0").replace("a=rtpmap:97 iLBC/8000", "a=rtpmap:0 PCMU/8000");

        SdpAnswer answer = bob.answer(offer, MediaDirection.SENDRECV);

        assertThat(answer.audio().direction()).isEqualTo(MediaDirection.RECVONLY);
        assertThat(answer.sdp()).contains("a=recvonly\r\n");
        assertThat(answer.audio().remoteRtp()).isEqualTo(at("0.0.0.0", 23442));
    }

    /** RFC 4566 5's example is multicast; a softphone only does unicast calls: 488. */
    @Test
    void refusesMulticast() {
        assertThatThrownBy(() -> bob.answer(RfcExample.text("rfc4566-5.sdp"), MediaDirection.SENDRECV))
                .isInstanceOf(UnacceptableSdpException.class)
                .hasMessageContaining("multicast address 224.2.17.12");
    }

    /**
     * RFC 7587 7: Opus on dynamic payload type 101 (the number we use for telephone-event),
     * a=ptime:40. We keep 101 for Opus, send 40 ms packets and add no telephone-event.
     */
    @Test
    void answersRfc7587OpusExample() throws Exception {
        SdpAnswer answer = bob.answer(RfcExample.text("rfc7587-7-opus.sdp"), MediaDirection.SENDRECV);

        assertThat(answer.audio()).isEqualTo(new NegotiatedAudio(at("192.0.2.55", 54312), at("192.0.2.55", 54313),
                AudioCodec.OPUS, 101, OptionalInt.empty(), MediaDirection.SENDRECV, 40));
        assertThat(answer.sdp()).contains("m=audio 30000 RTP/AVP 101\r\n", "a=rtpmap:101 opus/48000/2\r\n",
                "a=fmtp:101 useinbandfec=1\r\n");
    }

    /** RFC 3264 6.1: the offerer's order decides, not ours (we prefer Opus, it prefers PCMA). */
    @Test
    void followsTheOfferersCodecOrder() throws Exception {
        String offer = HEAD + "m=audio 4000 RTP/AVP 8 96 0\r\na=rtpmap:96 OPUS/48000/2\r\n";

        SdpAnswer answer = bob.answer(offer, MediaDirection.SENDRECV);

        assertThat(answer.audio().codec()).isEqualTo(AudioCodec.PCMA);
        assertThat(answer.audio().payloadType()).isEqualTo(8);
        assertThat(mLines(answer.sdp())).containsExactly("m=audio 30000 RTP/AVP 8");
    }

    /** Dynamic payload types are matched by rtpmap name and rate, case-insensitively, and kept. */
    @Test
    void keepsTheOfferersDynamicPayloadTypes() throws Exception {
        String offer = HEAD + "m=audio 4000 RTP/AVP 97 98 120\r\na=rtpmap:97 iLBC/8000\r\n"
                + "a=rtpmap:98 opus/16000/2\r\na=rtpmap:120 Opus/48000/2\r\na=rtpmap:121 telephone-event/48000\r\n";

        SdpAnswer answer = bob.answer(offer, MediaDirection.SENDRECV);

        assertThat(answer.audio().codec()).isEqualTo(AudioCodec.OPUS);
        assertThat(answer.audio().payloadType()).isEqualTo(120);
        assertThat(answer.sdp()).contains("m=audio 30000 RTP/AVP 120\r\n", "a=rtpmap:120 opus/48000/2\r\n");
    }

    /** RFC 3551 6: static payload types 0 and 8 need no rtpmap. */
    @Test
    void acceptsStaticPayloadTypesWithoutRtpmap() throws Exception {
        SdpAnswer answer = bob.answer(HEAD + "m=audio 4000 RTP/AVP 18 8\r\n", MediaDirection.SENDRECV);

        assertThat(answer.audio().codec()).isEqualTo(AudioCodec.PCMA);
        assertThat(answer.audio().payloadType()).isEqualTo(8);
    }

    /** RFC 4733: telephone-event is answered under the offerer's payload type. */
    @Test
    void negotiatesTelephoneEventUnderTheOfferersPayloadType() throws Exception {
        String offer = HEAD + "m=audio 4000 RTP/AVP 0 96\r\na=rtpmap:96 telephone-event/8000\r\na=fmtp:96 0-15\r\n";

        SdpAnswer answer = bob.answer(offer, MediaDirection.SENDRECV);

        assertThat(answer.audio().telephoneEvent()).hasValue(96);
        assertThat(answer.sdp()).contains("m=audio 30000 RTP/AVP 0 96\r\n", "a=rtpmap:96 telephone-event/8000\r\n",
                "a=fmtp:96 0-16\r\n");
    }

    /** For Opus, telephone-event at 48 kHz is preferred over 8 kHz (RFC 4733 2.1: same clock). */
    @Test
    void prefersTelephoneEventAtTheCodecsClockRate() throws Exception {
        String offer = HEAD + "m=audio 4000 RTP/AVP 111 126 110\r\na=rtpmap:111 opus/48000/2\r\n"
                + "a=rtpmap:126 telephone-event/8000\r\na=rtpmap:110 telephone-event/48000\r\n";

        SdpAnswer answer = bob.answer(offer, MediaDirection.SENDRECV);

        assertThat(answer.audio().telephoneEvent()).hasValue(110);
        assertThat(mLines(answer.sdp())).containsExactly("m=audio 30000 RTP/AVP 111 110");
    }

    @Test
    void leavesTelephoneEventOutWhenWeDoNotWantIt() throws Exception {
        SdpSession noDtmf = session(AudioCapabilities.defaults().withoutTelephoneEvent());
        String offer = HEAD + "m=audio 4000 RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\n";

        SdpAnswer answer = noDtmf.answer(offer, MediaDirection.SENDRECV);

        assertThat(answer.audio().telephoneEvent()).isEmpty();
        assertThat(answer.sdp()).doesNotContain("telephone-event");
    }

    /**
     * RFC 3264 6.1: every direction an offer can have against every direction we may want; the
     * answer is the offer's reversed, reduced to what we want.
     */
    @ParameterizedTest
    @EnumSource(MediaDirection.class)
    void answersEveryDirectionCombination(MediaDirection offered) throws Exception {
        for (MediaDirection wanted : MediaDirection.values()) {
            SdpSession fresh = session(AudioCapabilities.defaults());
            String offer = HEAD + "m=audio 4000 RTP/AVP 0\r\na=" + offered.attribute() + "\r\n";

            SdpAnswer answer = fresh.answer(offer, wanted);

            MediaDirection expected = MediaDirection.of(
                    offered.receives() && wanted.sends(), offered.sends() && wanted.receives());
            assertThat(answer.audio().direction()).as("offer %s, wanted %s", offered, wanted).isEqualTo(expected);
            assertThat(answer.sdp()).contains("a=" + expected.attribute() + "\r\n");
        }
    }

    /** RFC 3264 8.4 hold: a sendonly offer gets a recvonly answer. */
    @Test
    void answersHoldWithRecvonly() throws Exception {
        SdpAnswer answer = bob.answer(HEAD + "m=audio 4000 RTP/AVP 0\r\na=sendonly\r\n", MediaDirection.SENDRECV);

        assertThat(answer.sdp()).contains("a=recvonly\r\n");
    }

    /** Only audio over RTP/AVP is taken: RTP/SAVP (no SRTP yet) and port 0 streams are skipped. */
    @Test
    void skipsSecureAndDisabledAudioStreams() throws Exception {
        String offer = HEAD
                + "m=audio 4000 RTP/SAVP 0\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR\r\n"
                + "m=audio 0 RTP/AVP 8\r\n"
                + "m=application 5000 TCP/MSRP *\r\n"
                + "m=audio 6000 RTP/AVP 8\r\n";

        SdpAnswer answer = bob.answer(offer, MediaDirection.SENDRECV);

        assertThat(mLines(answer.sdp())).containsExactly("m=audio 0 RTP/SAVP 0", "m=audio 0 RTP/AVP 8",
                "m=application 0 TCP/MSRP *", "m=audio 30000 RTP/AVP 8");
        assertThat(answer.audio().remoteRtp().getPort()).isEqualTo(6000);
    }

    /** SRTP off (the default): RTP/SAVP cannot be taken, so the call is refused with 488. */
    @Test
    void refusesAnOfferOfOnlySecureAudio() {
        String offer = HEAD + "m=audio 4000 RTP/SAVP 0\r\n";

        assertThatThrownBy(() -> bob.answer(offer, MediaDirection.SENDRECV))
                .isInstanceOf(UnacceptableSdpException.class)
                .hasMessageContaining("RTP/SAVP needs SRTP, which is off");
    }

    /** RFC 3605: a=rtcp gives the RTCP port, and may give another address. */
    @Test
    void takesTheRemoteRtcpAddressFromTheRtcpAttribute() throws Exception {
        SdpAnswer portOnly = session(AudioCapabilities.defaults())
                .answer(HEAD + "m=audio 4000 RTP/AVP 0\r\na=rtcp:4444\r\n", MediaDirection.SENDRECV);
        SdpAnswer withAddress = session(AudioCapabilities.defaults())
                .answer(HEAD + "m=audio 4000 RTP/AVP 0\r\na=rtcp:53020 IN IP4 126.16.64.4\r\n", MediaDirection.SENDRECV);

        assertThat(portOnly.audio().remoteRtcp()).isEqualTo(at("192.0.2.50", 4444));
        assertThat(withAddress.audio().remoteRtcp()).isEqualTo(at("126.16.64.4", 53020));
    }

    @Test
    void refusesAMalformedRtcpAttribute() {
        assertThatThrownBy(() -> bob.answer(HEAD + "m=audio 4000 RTP/AVP 0\r\na=rtcp:99999\r\n", MediaDirection.SENDRECV))
                .isInstanceOf(MalformedSdpException.class)
                .hasMessageContaining("is not a=rtcp:<port>");
    }

    @Test
    void refusesAMalformedRtpmapOnTheStreamWeUse() {
        assertThatThrownBy(() -> bob.answer(HEAD + "m=audio 4000 RTP/AVP 96\r\na=rtpmap:96 opus\r\n", MediaDirection.SENDRECV))
                .isInstanceOf(MalformedSdpException.class)
                .hasMessageContaining("'a=rtpmap:96 opus' is not a=rtpmap:");
    }

    /** IPv6 offer (RFC 4566 5.7): the answer says where we are, the peer is reached over IPv6. */
    @Test
    void answersAnIpv6Offer() throws Exception {
        String offer = "v=0\r\no=- 1 1 IN IP6 2001:db8::50\r\ns=-\r\nc=IN IP6 2001:db8::50\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 0\r\n";

        SdpAnswer answer = bob.answer(offer, MediaDirection.SENDRECV);

        assertThat(answer.audio().remoteRtp()).isEqualTo(at("2001:db8::50", 4000));
    }

    /** Ignored a=ptime: unusable advice is no reason to fail a call. */
    @Test
    void ignoresAnUnusablePacketTime() throws Exception {
        SdpAnswer answer = bob.answer(HEAD + "m=audio 4000 RTP/AVP 0\r\na=ptime:soon\r\n", MediaDirection.SENDRECV);

        assertThat(answer.audio().packetTimeMillis()).isEqualTo(20);
    }

    /** RFC 3264 8: answering a re-offer with a changed answer increments our o= version. */
    @Test
    void answersToReOffersIncrementOurVersion() throws Exception {
        String offer = HEAD + "m=audio 4000 RTP/AVP 0\r\n";

        String first = bob.answer(offer, MediaDirection.SENDRECV).sdp();
        String same = bob.answer(offer, MediaDirection.SENDRECV).sdp();
        String hold = bob.answer(offer.replace("RTP/AVP 0\r\n", "RTP/AVP 0\r\na=sendonly\r\n"), MediaDirection.SENDRECV).sdp();

        assertThat(first).contains("o=- 42 1 IN IP4");
        assertThat(same).isEqualTo(first);
        assertThat(hold).contains("o=- 42 2 IN IP4", "a=recvonly");
    }
}
