package io.switchboard.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.media.AudioCodec;
import io.switchboard.media.MediaDirection;
import io.switchboard.media.NegotiatedAudio;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The offerer's side: reading answers, to the RFCs' offers (Alice's view) and to ours. */
class SdpAnswerReadingTest {

    private final SdpParser parser = new SdpParser();
    private final AnswerReader reader = new AnswerReader();
    private final SdpSession alice = session();

    private static SdpSession session() {
        try {
            return new SdpSession(InetAddress.getByName("192.0.2.10"), 20000, AudioCapabilities.defaults(), 9, 1);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static InetSocketAddress at(String address, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(address), port);
    }

    private NegotiatedAudio readRfc(String offer, String answer) throws SdpException {
        return reader.read(parser.parse(RfcExample.withAddresses(offer)), parser.parse(RfcExample.withAddresses(answer)),
                AudioCapabilities.defaults());
    }

    private static String answer(String mediaSection) {
        return "v=0\r\no=bob 7 7 IN IP4 192.0.2.20\r\ns=-\r\nc=IN IP4 192.0.2.20\r\nt=0 0\r\n" + mediaSection;
    }

    /** RFC 4317 2.1, Alice's view: Bob keeps PCMU for audio and MPV for video. */
    @Test
    void readsRfc4317AudioAndVideo1() throws Exception {
        NegotiatedAudio audio = readRfc("rfc4317-2.1-offer.sdp", "rfc4317-2.1-answer.sdp");

        assertThat(audio).isEqualTo(new NegotiatedAudio(at("192.0.2.201", 49174), at("192.0.2.201", 49175),
                AudioCodec.PCMU, 0, OptionalInt.empty(), MediaDirection.SENDRECV, 20));
    }

    /** RFC 4317 2.2: Bob accepts PCMU and PCMA; the first of the answer's formats is used. */
    @Test
    void readsRfc4317AudioAndVideo2() throws Exception {
        NegotiatedAudio audio = readRfc("rfc4317-2.1-offer.sdp", "rfc4317-2.2-answer.sdp");

        assertThat(audio.codec()).isEqualTo(AudioCodec.PCMU);
        assertThat(audio.remoteRtp()).isEqualTo(at("192.0.2.201", 49172));
    }

    /** RFC 4317 2.3: Bob answers iLBC under 99 instead of 97; we have no iLBC: 488. */
    @Test
    void refusesRfc4317AudioAndVideo3ForWantOfILbc() {
        assertThatThrownBy(() -> readRfc("rfc4317-2.1-offer.sdp", "rfc4317-2.3-answer.sdp"))
                .isInstanceOf(UnacceptableSdpException.class)
                .hasMessageContaining("m-line 1 (audio) has no codec we offered: [iLBC/8000]");
    }

    /** RFC 4317 2.6: Bob rejects the PCMU stream with port 0 and keeps iLBC, which we lack. */
    @Test
    void refusesRfc4317AudioOnly1() {
        assertThatThrownBy(() -> readRfc("rfc4317-2.6-offer.sdp", "rfc4317-2.6-answer.sdp"))
                .isInstanceOf(UnacceptableSdpException.class)
                .hasMessageContaining("m-line 1 (audio) was rejected with port 0")
                .hasMessageContaining("m-line 2 (audio) has no codec we offered");
    }

    /**
     * RFC 4317 3.1: Bob answers sendonly, holding Alice. The answer offers only iLBC, so for this
     * test the answer's codec is changed to PCMU (offered by Alice as 0).
     */
    @Test
    void readsAHoldingAnswerAsRecvonly() throws Exception {
        String offer = RfcExample.withAddresses("rfc4317-3.1-offer.sdp");
        String answer = RfcExample.withAddresses("rfc4317-3.1-answer.sdp")
                .replace("RTP/AVP 97", "RTP/AVP 0").replace("a=rtpmap:97 iLBC/8000", "a=rtpmap:0 PCMU/8000");

        NegotiatedAudio audio = reader.read(parser.parse(offer), parser.parse(answer), AudioCapabilities.defaults());

        assertThat(audio.direction()).isEqualTo(MediaDirection.RECVONLY);
        assertThat(audio.remoteRtp()).isEqualTo(at("192.0.2.202", 49172));
    }

    /** Our own offer: the codec is the answer's first one that we offered, under its number. */
    @Test
    void takesTheAnswersFirstOfferedCodecUnderTheAnswersPayloadType() throws Exception {
        SdpOffer offer = alice.createOffer(MediaDirection.SENDRECV);

        NegotiatedAudio audio = alice.readAnswer(offer, answer(
                "m=audio 40000 RTP/AVP 97 96 8 100\r\na=rtpmap:97 iLBC/8000\r\na=rtpmap:96 opus/48000/2\r\n"
                        + "a=rtpmap:100 telephone-event/8000\r\na=ptime:30\r\n"));

        assertThat(audio).isEqualTo(new NegotiatedAudio(at("192.0.2.20", 40000), at("192.0.2.20", 40001),
                AudioCodec.OPUS, 96, OptionalInt.of(100), MediaDirection.SENDRECV, 30));
    }

    /** Our direction is the answer's reversed, and never more than we offered. */
    @Test
    void reversesTheAnswersDirectionWithinWhatWeOffered() throws Exception {
        SdpOffer hold = alice.createOffer(MediaDirection.SENDONLY);

        NegotiatedAudio proper = alice.readAnswer(hold, answer("m=audio 40000 RTP/AVP 0\r\na=recvonly\r\n"));
        NegotiatedAudio overreaching = alice.readAnswer(hold, answer("m=audio 40000 RTP/AVP 0\r\na=sendrecv\r\n"));
        NegotiatedAudio blackHoled = alice.readAnswer(alice.createOffer(MediaDirection.SENDRECV),
                answer("m=audio 40000 RTP/AVP 0\r\nc=IN IP4 0.0.0.0\r\n"));

        assertThat(proper.direction()).isEqualTo(MediaDirection.SENDONLY);
        assertThat(overreaching.direction()).isEqualTo(MediaDirection.SENDONLY);
        // RFC 4317 5.3 / RFC 3264 8.4: an answer with c=0.0.0.0 wants nothing sent to it
        assertThat(blackHoled.direction()).isEqualTo(MediaDirection.RECVONLY);
    }

    @Test
    void refusesAnAnswerWithAnotherNumberOfMLines() {
        SdpOffer offer = alice.createOffer(MediaDirection.SENDRECV);

        assertThatThrownBy(() -> alice.readAnswer(offer, answer("m=audio 40000 RTP/AVP 0\r\nm=video 0 RTP/AVP 31\r\n")))
                .isInstanceOf(MalformedSdpException.class)
                .hasMessage("the answer has 2 m-lines but the offer had 1 (RFC 3264 6)");
    }

    @Test
    void refusesAnAnswerThatRejectsOurAudio() {
        SdpOffer offer = alice.createOffer(MediaDirection.SENDRECV);

        assertThatThrownBy(() -> alice.readAnswer(offer, answer("m=audio 0 RTP/AVP 0\r\n")))
                .isInstanceOf(UnacceptableSdpException.class)
                .hasMessageContaining("m-line 1 (audio) was rejected with port 0");
    }

    @Test
    void refusesAnAnswerWithACodecWeDidNotOffer() {
        SdpSession pcmuOnly;
        try {
            pcmuOnly = new SdpSession(InetAddress.getByName("192.0.2.10"), 20000, AudioCapabilities.of(AudioCodec.PCMU), 1, 1);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
        SdpOffer offer = pcmuOnly.createOffer(MediaDirection.SENDRECV);

        assertThatThrownBy(() -> pcmuOnly.readAnswer(offer, answer("m=audio 40000 RTP/AVP 8\r\n")))
                .isInstanceOf(UnacceptableSdpException.class)
                .hasMessageContaining("has no codec we offered: [PCMA/8000]");
    }

    @Test
    void refusesAMalformedAnswer() {
        SdpOffer offer = alice.createOffer(MediaDirection.SENDRECV);

        assertThatThrownBy(() -> alice.readAnswer(offer, "SIP/2.0 200 OK"))
                .isInstanceOf(MalformedSdpException.class);
    }
}
