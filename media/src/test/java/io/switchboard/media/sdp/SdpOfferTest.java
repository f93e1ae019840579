package io.switchboard.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.media.AudioCodec;
import io.switchboard.media.MediaDirection;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class SdpOfferTest {

    private static InetAddress address(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    /**
     * RFC 3264 5 and 5.1: v/o/s/c/t, one m-line with our codecs in our order, rtpmap for static
     * types too; RFC 7587 6.1 for Opus; RFC 4733 for telephone-event; RFC 3605 for a=rtcp.
     */
    @Test
    void offersEveryCodecWithTelephoneEvent() throws Exception {
        SdpSession session = new SdpSession(address("192.0.2.10"), 49170, AudioCapabilities.defaults(), 1234, 1);

        SdpOffer offer = session.createOffer(MediaDirection.SENDRECV);

        assertThat(offer.sdp()).isEqualTo("""
                v=0\r
                o=- 1234 1 IN IP4 192.0.2.10\r
                s=-\r
                c=IN IP4 192.0.2.10\r
                t=0 0\r
                m=audio 49170 RTP/AVP 111 0 8 101\r
                a=rtpmap:111 opus/48000/2\r
                a=fmtp:111 useinbandfec=1\r
                a=rtpmap:0 PCMU/8000\r
                a=rtpmap:8 PCMA/8000\r
                a=rtpmap:101 telephone-event/8000\r
                a=fmtp:101 0-16\r
                a=ptime:20\r
                a=rtcp:49171\r
                a=sendrecv\r
                """);
        assertThat(offer.version()).isEqualTo(1);
        assertThat(offer.direction()).isEqualTo(MediaDirection.SENDRECV);
    }

    @Test
    void offersOnlyWhatTheCapabilitiesHold() throws Exception {
        AudioCapabilities pcmaFirst = AudioCapabilities.of(AudioCodec.PCMA, AudioCodec.PCMU)
                .withoutTelephoneEvent().withPacketTime(30);
        SdpSession session = new SdpSession(address("192.0.2.10"), 40000, pcmaFirst, 7, 0);

        String sdp = session.createOffer(MediaDirection.SENDRECV).sdp();

        assertThat(sdp).contains("m=audio 40000 RTP/AVP 8 0\r\n", "a=ptime:30\r\n")
                .doesNotContain("telephone-event", "opus");
    }

    /** RFC 4566 5.2 and 5.7: IN IP6 in o= and c=. */
    @Test
    void offersOverIpv6() throws Exception {
        SdpSession session = new SdpSession(address("2001:db8::10"), 49170, AudioCapabilities.defaults(), 1, 1);

        String sdp = session.createOffer(MediaDirection.SENDRECV).sdp();

        assertThat(sdp).contains("o=- 1 1 IN IP6 2001:db8:0:0:0:0:0:10\r\n", "c=IN IP6 2001:db8:0:0:0:0:0:10\r\n");
        assertThat(new SdpParser().parse(sdp).connection().flatMap(SdpConnection::literal))
                .hasValue(address("2001:db8::10"));
    }

    /**
     * RFC 3264 8 and 8.4: a re-offer keeps the session id and increments the version; hold is
     * sendonly, resume is sendrecv again. An unchanged re-offer keeps its version.
     */
    @Test
    void reOffersIncrementTheVersionAndKeepTheSessionId() throws Exception {
        SdpSession session = new SdpSession(address("192.0.2.10"), 49170, AudioCapabilities.defaults(), 2890844526L,
                2890844526L);

        SdpOffer initial = session.createOffer(MediaDirection.SENDRECV);
        SdpOffer hold = session.createOffer(MediaDirection.SENDONLY);
        SdpOffer resume = session.createOffer(MediaDirection.SENDRECV);
        SdpOffer refresh = session.createOffer(MediaDirection.SENDRECV);

        assertThat(initial.sdp()).contains("o=- 2890844526 2890844526 IN IP4 192.0.2.10\r\n");
        assertThat(hold.sdp()).contains("o=- 2890844526 2890844527 IN IP4 192.0.2.10\r\n", "a=sendonly\r\n");
        assertThat(resume.sdp()).contains("o=- 2890844526 2890844528 IN IP4 192.0.2.10\r\n", "a=sendrecv\r\n");
        assertThat(refresh.sdp()).isEqualTo(resume.sdp());
        assertThat(session.version()).isEqualTo(2890844528L);
        assertThat(session.sessionId()).isEqualTo(2890844526L);
    }

    /** Our own offers pass our own parser and limits. */
    @Test
    void ourOfferParses() throws Exception {
        SdpSession session = new SdpSession(address("192.0.2.10"), 49170, AudioCapabilities.defaults(), 1, 1);

        SdpDescription parsed = new SdpParser().parse(session.createOffer(MediaDirection.INACTIVE).sdp());

        assertThat(parsed.media()).singleElement().satisfies(m -> assertThat(m.formats()).containsExactly("111", "0", "8", "101"));
        assertThat(parsed.directionOf(parsed.media().get(0))).isEqualTo(MediaDirection.INACTIVE);
    }

    @Test
    void refusesUnusableLocalSettings() throws Exception {
        AudioCapabilities defaults = AudioCapabilities.defaults();
        assertThatThrownBy(() -> new SdpSession(address("0.0.0.0"), 49170, defaults, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SdpSession(address("192.0.2.10"), 65535, defaults, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RTCP takes the next");
        assertThatThrownBy(() -> AudioCapabilities.of())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AudioCapabilities(java.util.List.of(AudioCodec.OPUS), true, 111, 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already OPUS's");
        assertThatThrownBy(() -> new AudioCapabilities(java.util.List.of(AudioCodec.PCMU), true, 8, 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dynamic payload type");
    }
}
