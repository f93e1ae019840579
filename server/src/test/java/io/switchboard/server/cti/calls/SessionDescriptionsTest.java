package io.switchboard.server.cti.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The SDP rewrites of third-party call control, on RFC 4566/3264-style bodies. */
class SessionDescriptionsTest {

    // RFC 3264 10.1's answer from Bob, as a phone would send it
    private static final String BOB_ANSWER = "v=0\r\n"
            + "o=bob 2808844564 2808844564 IN IP4 host.biloxi.example.com\r\n"
            + "s=\r\n"
            + "c=IN IP4 host.biloxi.example.com\r\n"
            + "t=0 0\r\n"
            + "m=audio 49172 RTP/AVP 0\r\n"
            + "a=rtpmap:0 PCMU/8000\r\n";

    @Test
    void thePlaceholderOfferIsInactiveAtTheDiscardPortWithTheUsualCodecs() {
        String offer = SessionDescriptions.placeholderOffer(new SdpOrigin("127.0.0.1"));

        assertThat(offer).contains("m=audio 9 RTP/AVP 0 8 9 111 101").contains("a=rtpmap:0 PCMU/8000")
                .contains("c=IN IP4 127.0.0.1").endsWith("a=inactive\r\n");
        assertThat(SessionDescriptions.direction(offer)).isEqualTo("inactive");
    }

    @Test
    void anAnswerBecomesOurOfferWithOurOriginAndTheDirectionAsked() {
        SdpOrigin origin = new SdpOrigin("192.0.2.1");

        String offer = SessionDescriptions.asOffer(BOB_ANSWER, origin, "sendonly");

        assertThat(offer).doesNotContain("o=bob").containsPattern("o=switchboard-cti \\d+ 1 IN IP4 192.0.2.1")
                .contains("m=audio 49172 RTP/AVP 0").contains("c=IN IP4 host.biloxi.example.com")
                .endsWith("a=sendonly\r\n");
        assertThat(SessionDescriptions.direction(offer)).isEqualTo("sendonly");
    }

    @Test
    void everyOfferOnALegRaisesTheOriginVersionAndKeepsItsSessionId() {
        SdpOrigin origin = new SdpOrigin("192.0.2.1");

        String first = SessionDescriptions.asOffer(BOB_ANSWER, origin, "sendrecv");
        String second = SessionDescriptions.asOffer(first, origin, "sendonly");

        String[] o1 = first.lines().filter(l -> l.startsWith("o=")).findFirst().orElseThrow().split(" ");
        String[] o2 = second.lines().filter(l -> l.startsWith("o=")).findFirst().orElseThrow().split(" ");
        assertThat(o2[1]).isEqualTo(o1[1]);
        assertThat(Long.parseLong(o2[2])).isEqualTo(Long.parseLong(o1[2]) + 1);
        assertThat(second).containsOnlyOnce("a=sendonly").doesNotContain("a=sendrecv");
    }

    @Test
    void theDirectionIsTheMediaSectionsOrTheSessionsOrSendrecv() {
        assertThat(SessionDescriptions.direction(BOB_ANSWER)).isEqualTo("sendrecv");
        assertThat(SessionDescriptions.direction("v=0\r\na=recvonly\r\nm=audio 1 RTP/AVP 0\r\n")).isEqualTo("recvonly");
        assertThat(SessionDescriptions.direction("v=0\r\na=recvonly\r\nm=audio 1 RTP/AVP 0\r\na=inactive\r\n"))
                .isEqualTo("inactive");
        assertThat(SessionDescriptions.complement("sendonly")).isEqualTo("recvonly");
        assertThat(SessionDescriptions.complement("recvonly")).isEqualTo("sendonly");
        assertThat(SessionDescriptions.complement("inactive")).isEqualTo("inactive");
    }

    @Test
    void theMediaAddressIsTheConnectionAndTheAudioPort() {
        assertThat(SessionDescriptions.mediaAddress(BOB_ANSWER)).contains("host.biloxi.example.com:49172");
        assertThat(SessionDescriptions.mediaAddress("v=0\r\n")).isEqualTo(Optional.empty());
    }

    @Test
    void anUnknownDirectionIsRefused() {
        assertThatThrownBy(() -> SessionDescriptions.asOffer(BOB_ANSWER, new SdpOrigin("h"), "sideways"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
