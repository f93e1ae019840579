package io.switchboard.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.media.MediaDirection;
import io.switchboard.media.NegotiatedAudio;
import io.switchboard.media.SrtpKey;
import io.switchboard.media.SrtpKeys;
import io.switchboard.media.SrtpPolicy;
import io.switchboard.media.SrtpSuite;
import java.net.InetAddress;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** SDES (RFC 4568) in our offers and answers, under each SRTP policy. */
class SdpSrtpTest {

    private static final String HEAD = "v=0\r\no=peer 5 5 IN IP4 192.0.2.50\r\ns=-\r\nc=IN IP4 192.0.2.50\r\nt=0 0\r\n";
    /** RFC 4568 4's example attribute: one inline key with a lifetime and an MKI. */
    private static final String RFC4568_4 = "1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:32";
    private static final String RFC4568_4_KEY = "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR";
    private static final Pattern CRYPTO = Pattern.compile("a=crypto:(\\d+) (\\S+) inline:(\\S+)\r\n");

    private static SdpSession session(SrtpPolicy policy, boolean tls, int port) throws UnacceptableSdpException {
        try {
            return new SdpSession(InetAddress.getByName("192.0.2.20"), port, AudioCapabilities.defaults(), 42, 1,
                    policy, tls);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static SdpSession bob(SrtpPolicy policy) throws UnacceptableSdpException {
        return session(policy, true, 30000);
    }

    private static String audio(String protocol, String... attributes) {
        StringBuilder sdp = new StringBuilder(HEAD).append("m=audio 4000 ").append(protocol).append(" 0\r\n");
        for (String attribute : attributes) {
            sdp.append("a=").append(attribute).append("\r\n");
        }
        return sdp.toString();
    }

    private static String key(int seed) {
        byte[] bytes = new byte[30];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (seed + i);
        }
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static List<String[]> cryptoLines(String sdp) {
        Matcher m = CRYPTO.matcher(sdp);
        List<String[]> lines = new java.util.ArrayList<>();
        while (m.find()) {
            lines.add(new String[] {m.group(1), m.group(2), m.group(3)});
        }
        return lines;
    }

    private static String mLine(String sdp) {
        return sdp.lines().filter(l -> l.startsWith("m=")).findFirst().orElseThrow();
    }

    // --- offers ---------------------------------------------------------------------------

    @Test
    void offOffersPlainRtpWithoutKeys() throws Exception {
        SdpOffer offer = bob(SrtpPolicy.OFF).createOffer(MediaDirection.SENDRECV);

        assertThat(mLine(offer.sdp())).startsWith("m=audio 30000 RTP/AVP ");
        assertThat(offer.sdp()).doesNotContain("a=crypto");
    }

    /** Best effort: RTP/AVP, so a phone without SRTP still takes the call, with both suites, _80 first. */
    @Test
    void optionalOffersBothSuitesInRtpAvp() throws Exception {
        SdpOffer offer = bob(SrtpPolicy.OPTIONAL).createOffer(MediaDirection.SENDRECV);

        assertThat(mLine(offer.sdp())).startsWith("m=audio 30000 RTP/AVP ");
        List<String[]> lines = cryptoLines(offer.sdp());
        assertThat(lines).extracting(l -> l[0] + " " + l[1])
                .containsExactly("1 AES_CM_128_HMAC_SHA1_80", "2 AES_CM_128_HMAC_SHA1_32");
        assertThat(lines).allSatisfy(l -> assertThat(Base64.getDecoder().decode(l[2])).hasSize(30));
        assertThat(lines.get(0)[2]).isNotEqualTo(lines.get(1)[2]);
    }

    @Test
    void requiredOffersRtpSavp() throws Exception {
        SdpOffer offer = bob(SrtpPolicy.REQUIRED).createOffer(MediaDirection.SENDRECV);

        assertThat(mLine(offer.sdp())).startsWith("m=audio 30000 RTP/SAVP ");
        assertThat(cryptoLines(offer.sdp())).hasSize(2);
    }

    /** RFC 4568 7.1.4 / 8.1: every offer has new random keys, so the o= version moves too. */
    @Test
    void everyOfferHasFreshKeys() throws Exception {
        SdpSession alice = bob(SrtpPolicy.OPTIONAL);
        SdpOffer first = alice.createOffer(MediaDirection.SENDRECV);
        SdpOffer second = alice.createOffer(MediaDirection.SENDRECV);

        assertThat(cryptoLines(second.sdp()).get(0)[2]).isNotEqualTo(cryptoLines(first.sdp()).get(0)[2]);
        assertThat(second.version()).isEqualTo(first.version() + 1);
    }

    /** RFC 4568 8.3: SDES keys are not written into SDP that travels in the clear. */
    @Test
    void withoutTlsOptionalFallsBackToPlainAndRequiredRefusesTheCall() throws Exception {
        SdpSession plain = session(SrtpPolicy.OPTIONAL, false, 30000);
        assertThat(plain.srtpPolicy()).isEqualTo(SrtpPolicy.OFF);
        assertThat(plain.createOffer(MediaDirection.SENDRECV).sdp()).doesNotContain("a=crypto");

        assertThatThrownBy(() -> session(SrtpPolicy.REQUIRED, false, 30000))
                .isInstanceOf(UnacceptableSdpException.class)
                .hasMessageContaining("not TLS")
                .satisfies(e -> assertThat(((SdpException) e).sipStatusCode()).isEqualTo(488));
    }

    // --- answers to RFC 4568's examples -------------------------------------------------------

    /**
     * RFC 4568 4's attribute is valid, but its MKI (1:32) would put an MKI field in every packet,
     * which our SRTP does not read: the line is declined, and an RTP/SAVP stream with nothing
     * else to use is refused with 488.
     */
    @Test
    void declinesRfc4568Section4KeyForItsMki() throws Exception {
        assertThatThrownBy(() -> bob(SrtpPolicy.REQUIRED).answer(audio("RTP/SAVP", "crypto:" + RFC4568_4),
                MediaDirection.SENDRECV))
                .isInstanceOf(UnacceptableSdpException.class)
                .hasMessageContaining("a=crypto line we can use");
    }

    /** The same key without its MKI is taken: tag and suite repeated, our own key, theirs kept. */
    @Test
    void acceptsRfc4568Section4KeyWithoutMki() throws Exception {
        SdpAnswer answer = bob(SrtpPolicy.REQUIRED).answer(
                audio("RTP/SAVP", "crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + RFC4568_4_KEY + "|2^20"),
                MediaDirection.SENDRECV);

        assertThat(mLine(answer.sdp())).isEqualTo("m=audio 30000 RTP/SAVP 0");
        List<String[]> lines = cryptoLines(answer.sdp());
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)[0] + " " + lines.get(0)[1]).isEqualTo("1 AES_CM_128_HMAC_SHA1_80");
        assertThat(lines.get(0)[2]).isNotEqualTo(RFC4568_4_KEY);
        SrtpKeys keys = answer.audio().srtp().orElseThrow();
        assertThat(keys.suite()).isEqualTo(SrtpSuite.AES_CM_128_HMAC_SHA1_80);
        assertThat(keys.remote()).isEqualTo(SrtpKey.of(Base64.getDecoder().decode(RFC4568_4_KEY)));
        assertThat(keys.local().base64()).isEqualTo(lines.get(0)[2]);
    }

    /**
     * RFC 4568's example offer: line 1 has an MKI (and FEC_ORDER), line 2 the F8 suite with two
     * keys. Both are well-formed, so the offer is not malformed; neither is usable here: 488.
     */
    @Test
    void refusesRfc4568ExampleOfferWithNoKeyWeCanUse() throws Exception {
        String offer = RfcExample.text("rfc4568-offer.sdp");

        assertThatThrownBy(() -> bob(SrtpPolicy.OPTIONAL).answer(offer, MediaDirection.SENDRECV))
                .isInstanceOf(UnacceptableSdpException.class)
                .hasMessageContaining("RTP/SAVP without an a=crypto line we can use");
        assertThatThrownBy(() -> bob(SrtpPolicy.OFF).answer(offer, MediaDirection.SENDRECV))
                .isInstanceOf(UnacceptableSdpException.class)
                .hasMessageContaining("SRTP, which is off");
    }

    /** The RFC's answer picks our tag 1 with the same suite, but with an MKI: not used wrongly. */
    @Test
    void refusesRfc4568ExampleAnswerForItsMki() throws Exception {
        SdpSession alice = bob(SrtpPolicy.REQUIRED);
        SdpOffer offer = alice.createOffer(MediaDirection.SENDRECV);

        assertThatThrownBy(() -> alice.readAnswer(offer, RfcExample.text("rfc4568-answer.sdp")))
                .isInstanceOf(UnacceptableSdpException.class)
                .hasMessageContaining("0 usable");
    }

    // --- the answerer's choices -----------------------------------------------------------------

    @Test
    void answerTakesTheFirstOfferedLineItCanUse() throws Exception {
        String offer = audio("RTP/SAVP",
                "crypto:9 AES_256_CM_HMAC_SHA1_80 inline:" + key(1) + key(1).substring(0, 16),
                "crypto:8 AES_CM_128_HMAC_SHA1_80 inline:not*base64*at*all*not*base64*at*all*xxxx",
                "crypto:7 AES_CM_128_HMAC_SHA1_80 inline:" + Base64.getEncoder().encodeToString(new byte[20]),
                "crypto:6 AES_CM_128_HMAC_SHA1_80 inline:" + key(2) + "|2^99",
                "crypto:5 AES_CM_128_HMAC_SHA1_80 inline:" + key(3) + "|2^31 UNENCRYPTED_SRTP",
                "crypto:4 AES_CM_128_HMAC_SHA1_80 inline:" + key(4) + ";inline:" + key(5),
                "crypto:3 AES_CM_128_HMAC_SHA1_32 inline:" + key(6) + "|2^31",
                "crypto:2 AES_CM_128_HMAC_SHA1_80 inline:" + key(7));

        SdpAnswer answer = bob(SrtpPolicy.REQUIRED).answer(offer, MediaDirection.SENDRECV);

        assertThat(cryptoLines(answer.sdp())).extracting(l -> l[0] + " " + l[1])
                .containsExactly("3 AES_CM_128_HMAC_SHA1_32");
        assertThat(answer.audio().srtp().orElseThrow().remote().base64()).isEqualTo(key(6));
        assertThat(answer.audio().srtp().orElseThrow().suite()).isEqualTo(SrtpSuite.AES_CM_128_HMAC_SHA1_32);
    }

    /** Cisco's and baresip's best effort: keys in RTP/AVP are taken when SRTP is optional or required. */
    @Test
    void answersBestEffortSrtpInRtpAvp() throws Exception {
        String offer = audio("RTP/AVP", "crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + key(1));

        for (SrtpPolicy policy : new SrtpPolicy[] {SrtpPolicy.OPTIONAL, SrtpPolicy.REQUIRED}) {
            SdpAnswer answer = bob(policy).answer(offer, MediaDirection.SENDRECV);
            assertThat(mLine(answer.sdp())).isEqualTo("m=audio 30000 RTP/AVP 0");
            assertThat(cryptoLines(answer.sdp())).hasSize(1);
            assertThat(answer.audio().srtp()).isPresent();
        }
        SdpAnswer off = bob(SrtpPolicy.OFF).answer(offer, MediaDirection.SENDRECV);
        assertThat(off.sdp()).doesNotContain("a=crypto");
        assertThat(off.audio().srtp()).isEmpty();
    }

    @Test
    void plainOfferIsRefusedOnlyWhenSrtpIsRequired() throws Exception {
        String offer = audio("RTP/AVP");

        assertThat(bob(SrtpPolicy.OPTIONAL).answer(offer, MediaDirection.SENDRECV).audio().srtp()).isEmpty();
        assertThatThrownBy(() -> bob(SrtpPolicy.REQUIRED).answer(offer, MediaDirection.SENDRECV))
                .isInstanceOf(UnacceptableSdpException.class)
                .hasMessageContaining("SRTP is required");
    }

    @Test
    void cryptoLinesThatBreakTheGrammarAreMalformed() throws Exception {
        for (String bad : new String[] {
                "crypto:one AES_CM_128_HMAC_SHA1_80 inline:" + key(1),
                "crypto:1234567890 AES_CM_128_HMAC_SHA1_80 inline:" + key(1),
                "crypto:1 AES_CM_128_HMAC_SHA1_80",
                "crypto:1 AES-CM inline:" + key(1)}) {
            assertThatThrownBy(() -> bob(SrtpPolicy.OPTIONAL).answer(audio("RTP/SAVP", bad), MediaDirection.SENDRECV))
                    .as(bad)
                    .isInstanceOf(MalformedSdpException.class)
                    .hasMessageContaining("RFC 4568 9.1");
        }
        assertThatThrownBy(() -> bob(SrtpPolicy.OPTIONAL).answer(audio("RTP/SAVP",
                "crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + key(1),
                "crypto:1 AES_CM_128_HMAC_SHA1_32 inline:" + key(2)), MediaDirection.SENDRECV))
                .isInstanceOf(MalformedSdpException.class)
                .hasMessageContaining("tag 1");
    }

    /** With SRTP off the crypto lines are not read at all: a peer's broken one cannot fail a plain call. */
    @Test
    void offIgnoresEvenBrokenCryptoLines() throws Exception {
        SdpAnswer answer = bob(SrtpPolicy.OFF).answer(audio("RTP/AVP", "crypto:x y"), MediaDirection.SENDRECV);

        assertThat(answer.audio().srtp()).isEmpty();
    }

    @Test
    void hostileCryptoLinesAreBounded() throws Exception {
        String huge = "crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + "A".repeat(4000);
        String[] many = new String[40];
        for (int i = 0; i < many.length; i++) {
            many[i] = "crypto:" + (i + 1) + " AES_CM_128_HMAC_SHA1_80 inline:" + key(i) + (i < 39 ? "|1:1" : "");
        }

        assertThatThrownBy(() -> bob(SrtpPolicy.REQUIRED).answer(audio("RTP/SAVP", huge), MediaDirection.SENDRECV))
                .isInstanceOf(UnacceptableSdpException.class);
        // only the first 16 lines are looked at; the usable 40th is past them
        assertThatThrownBy(() -> bob(SrtpPolicy.REQUIRED).answer(audio("RTP/SAVP", many), MediaDirection.SENDRECV))
                .isInstanceOf(UnacceptableSdpException.class);
    }

    // --- both sides ---------------------------------------------------------------------------------

    @Test
    void bothSidesSettleMatchingKeys() throws Exception {
        SdpSession alice = session(SrtpPolicy.OPTIONAL, true, 40000);
        SdpSession bob = bob(SrtpPolicy.REQUIRED);

        SdpOffer offer = alice.createOffer(MediaDirection.SENDRECV);
        SdpAnswer answer = bob.answer(offer.sdp(), MediaDirection.SENDRECV);
        NegotiatedAudio aliceAudio = alice.readAnswer(offer, answer.sdp());

        SrtpKeys aliceKeys = aliceAudio.srtp().orElseThrow();
        SrtpKeys bobKeys = answer.audio().srtp().orElseThrow();
        assertThat(aliceKeys.suite()).isEqualTo(SrtpSuite.AES_CM_128_HMAC_SHA1_80).isEqualTo(bobKeys.suite());
        assertThat(aliceKeys.local()).isEqualTo(bobKeys.remote());
        assertThat(aliceKeys.remote()).isEqualTo(bobKeys.local());
        assertThat(aliceKeys.local()).isNotEqualTo(aliceKeys.remote());
    }

    @Test
    void optionalOffererTakesAPlainAnswerAndRequiredDoesNot() throws Exception {
        String plainAnswer = HEAD + "m=audio 4000 RTP/AVP 0\r\n";
        SdpSession optional = bob(SrtpPolicy.OPTIONAL);
        SdpOffer optionalOffer = optional.createOffer(MediaDirection.SENDRECV);
        SdpSession required = bob(SrtpPolicy.REQUIRED);
        SdpOffer requiredOffer = required.createOffer(MediaDirection.SENDRECV);

        assertThat(optional.readAnswer(optionalOffer, plainAnswer).srtp()).isEmpty();
        assertThatThrownBy(() -> required.readAnswer(requiredOffer, plainAnswer.replace("RTP/AVP", "RTP/SAVP")))
                .isInstanceOf(UnacceptableSdpException.class)
                .hasMessageContaining("no a=crypto line");
    }

    @Test
    void answerMustRepeatAnOfferedTagAndItsSuite() throws Exception {
        SdpSession alice = bob(SrtpPolicy.REQUIRED);
        SdpOffer offer = alice.createOffer(MediaDirection.SENDRECV);

        assertThatThrownBy(() -> alice.readAnswer(offer,
                audio("RTP/SAVP", "crypto:3 AES_CM_128_HMAC_SHA1_80 inline:" + key(1))))
                .isInstanceOf(UnacceptableSdpException.class)
                .hasMessageContaining("did not offer");
        assertThatThrownBy(() -> alice.readAnswer(offer,
                audio("RTP/SAVP", "crypto:1 AES_CM_128_HMAC_SHA1_32 inline:" + key(1))))
                .isInstanceOf(UnacceptableSdpException.class)
                .hasMessageContaining("we offered AES_CM_128_HMAC_SHA1_80");
    }

    /**
     * A session refresh re-offers the same SDP: the answer keeps its key (and its o= version), so
     * the stream is not re-keyed; a re-offer with a new key gets a new key back.
     */
    @Test
    void answererKeepsItsKeyWhileTheOffererKeepsTheirs() throws Exception {
        SdpSession bob = bob(SrtpPolicy.OPTIONAL);
        String offer = audio("RTP/AVP", "crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + key(1));

        SdpAnswer first = bob.answer(offer, MediaDirection.SENDRECV);
        SdpAnswer refresh = bob.answer(offer, MediaDirection.SENDRECV);
        SdpAnswer rekeyed = bob.answer(offer.replace(key(1), key(2)), MediaDirection.SENDRECV);

        assertThat(refresh.sdp()).isEqualTo(first.sdp());
        assertThat(rekeyed.audio().srtp().orElseThrow().local())
                .isNotEqualTo(first.audio().srtp().orElseThrow().local());
    }

    @Test
    void keysNeverShowInToString() throws Exception {
        SdpAnswer answer = bob(SrtpPolicy.OPTIONAL).answer(
                audio("RTP/AVP", "crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + key(1)), MediaDirection.SENDRECV);
        SrtpKeys keys = answer.audio().srtp().orElseThrow();

        for (String text : List.of(answer.toString(), answer.audio().toString(), keys.toString())) {
            assertThat(text).doesNotContain(key(1)).doesNotContain(keys.local().base64()).doesNotContain("inline");
        }
        assertThat(keys.toString()).contains("AES_CM_128_HMAC_SHA1_80");
    }
}
