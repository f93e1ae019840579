package io.switchboard.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.media.MediaDirection;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class SdpParserTest {

    private static final String HEAD = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n";

    private final SdpParser parser = new SdpParser();

    private static String audio(String mLine, String... attributes) {
        StringBuilder sdp = new StringBuilder(HEAD).append(mLine).append("\r\n");
        for (String attribute : attributes) {
            sdp.append(attribute).append("\r\n");
        }
        return sdp.toString();
    }

    /** RFC 4566 5: the example session description, with LF line ends as the RFC prints it. */
    @Test
    void readsTheRfc4566Example() throws Exception {
        SdpDescription sdp = parser.parse(RfcExample.text("rfc4566-5.sdp"));

        assertThat(sdp.origin()).isEqualTo(new SdpOrigin("jdoe", "2890844526", "2890842807", "IP4", "10.47.16.5"));
        assertThat(sdp.sessionName()).isEqualTo("SDP Seminar");
        // the multicast TTL (/127) is not part of the address
        assertThat(sdp.connection()).hasValueSatisfying(c -> {
            assertThat(c.host()).isEqualTo("224.2.17.12");
            assertThat(c.literal()).hasValue(address("224.2.17.12"));
        });
        assertThat(sdp.media()).extracting(SdpMedia::type, SdpMedia::port, SdpMedia::protocol)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("audio", 49170, "RTP/AVP"),
                        org.assertj.core.groups.Tuple.tuple("video", 51372, "RTP/AVP"));
        assertThat(sdp.media().get(0).formats()).containsExactly("0");
        assertThat(sdp.media().get(1).values("rtpmap")).containsExactly("99 h263-1998/90000");
        // a session-level a=recvonly applies to streams without their own (RFC 4566 6)
        assertThat(sdp.directionOf(sdp.media().get(0))).isEqualTo(MediaDirection.RECVONLY);
    }

    /** RFC 4317 1: the examples' s= line is a single space; CRLF and LF both parse. */
    @Test
    void acceptsLfAndCrlfLineEnds() throws Exception {
        String lf = RfcExample.withAddresses("rfc4317-2.1-offer.sdp");
        SdpDescription fromLf = parser.parse(lf);
        SdpDescription fromCrlf = parser.parse(lf.replace("\n", "\r\n"));

        assertThat(fromCrlf).isEqualTo(fromLf);
        assertThat(fromLf.media()).hasSize(2);
    }

    /** RFC 4566 5.7: an IPv6 c= line, here on the media level. */
    @Test
    void readsIpv6Connections() throws Exception {
        String sdp = "v=0\r\no=- 1 1 IN IP6 2001:db8::1\r\ns=-\r\nt=0 0\r\nm=audio 5004 RTP/AVP 0\r\n"
                + "c=IN IP6 2001:DB8::1\r\n";

        SdpMedia media = parser.parse(sdp).media().get(0);

        assertThat(media.connection()).hasValueSatisfying(c -> {
            assertThat(c.addressType()).isEqualTo("IP6");
            assertThat(c.literal()).hasValue(address("2001:db8::1"));
        });
    }

    /** A host name in c= is kept as a name and never looked up. */
    @Test
    void keepsHostNamesUnresolved() throws Exception {
        SdpDescription sdp = parser.parse(RfcExample.text("rfc4317-2.1-offer.sdp"));

        assertThat(sdp.connection()).hasValueSatisfying(c -> {
            assertThat(c.host()).isEqualTo("host.atlanta.example.com");
            assertThat(c.literal()).isEmpty();
        });
    }

    @Test
    void refusesOversizedDescriptions() {
        String huge = audio("m=audio 5004 RTP/AVP 0", "a=x-padding:" + "x".repeat(SdpPrecheck.MAX_CHARS));

        assertThatThrownBy(() -> parser.parse(huge))
                .isInstanceOf(MalformedSdpException.class)
                .hasMessageContaining("more than the limit of 16384");
    }

    @Test
    void refusesGarbage() {
        assertThatThrownBy(() -> parser.parse("hello world"))
                .isInstanceOf(MalformedSdpException.class)
                .hasMessageContaining("line 1 is not an SDP <type>=<value> line: 'hello world'");
        assertThatThrownBy(() -> parser.parse(""))
                .isInstanceOf(MalformedSdpException.class)
                .hasMessage("the session description is empty");
        assertThatThrownBy(() -> parser.parse(audio("m=audio 5004 RTP/AVP 0", "this line has no equals sign")))
                .isInstanceOf(MalformedSdpException.class)
                .hasMessageContaining("line 7 is not an SDP <type>=<value> line");
        assertThatThrownBy(() -> parser.parse(audio("m=audio 5004 RTP/AVP 0", "x=unknown type letter")))
                .isInstanceOf(MalformedSdpException.class)
                .hasMessageContaining("line 7");
        assertThatThrownBy(() -> parser.parse(audio("m=audio 5004 RTP/AVP 0", "a=tool:\u0000\u0007")))
                .isInstanceOf(MalformedSdpException.class)
                .hasMessageContaining("control character 0x00");
    }

    @Test
    void refusesMissingMandatoryLines() {
        assertThatThrownBy(() -> parser.parse(HEAD.substring("v=0\r\n".length()) + "m=audio 5004 RTP/AVP 0\r\n"))
                .isInstanceOf(MalformedSdpException.class)
                .hasMessageContaining("must start with v=0");
        assertThatThrownBy(() -> parser.parse(HEAD.replace("o=- 1 1 IN IP4 192.0.2.1\r\n", "")))
                .isInstanceOf(MalformedSdpException.class)
                .hasMessageContaining("no o= line");
        assertThatThrownBy(() -> parser.parse(HEAD.replace("s=-\r\n", "")))
                .isInstanceOf(MalformedSdpException.class)
                .hasMessageContaining("no s= line");
        assertThatThrownBy(() -> parser.parse(HEAD.replace("t=0 0\r\n", "")))
                .isInstanceOf(MalformedSdpException.class)
                .hasMessageContaining("no t= line");
        assertThatThrownBy(() -> parser.parse(HEAD.replace("c=IN IP4 192.0.2.1\r\n", "") + "m=audio 5004 RTP/AVP 0\r\n"))
                .isInstanceOf(MalformedSdpException.class)
                .hasMessageContaining("m-line 1 (audio) has no c= line");
    }

    /** A rejected stream needs no address (RFC 3264 6), so a missing c= there is no error. */
    @Test
    void allowsRejectedStreamsWithoutConnection() throws Exception {
        String sdp = HEAD.replace("c=IN IP4 192.0.2.1\r\n", "") + "m=video 0 RTP/AVP 31\r\n";

        assertThat(parser.parse(sdp).media().get(0).isRejected()).isTrue();
    }

    @Test
    void refusesMalformedOriginConnectionAndMediaLines() {
        assertThatThrownBy(() -> parser.parse(HEAD.replace("o=- 1 1", "o=- x 1")))
                .isInstanceOf(MalformedSdpException.class)
                .hasMessageContaining("line 2: 'o=- x 1 IN IP4 192.0.2.1' is not o=");
        assertThatThrownBy(() -> parser.parse(audio("m=audio")))
                .isInstanceOf(MalformedSdpException.class)
                .hasMessageContaining("line 6: 'm=audio' is not m=");
        assertThatThrownBy(() -> parser.parse(HEAD.replace("c=IN IP4 192.0.2.1", "c=IN")))
                .isInstanceOf(MalformedSdpException.class)
                .hasMessageContaining("is not c=<nettype> <addrtype> <address>");
    }

    @Test
    void enforcesPortPayloadTypeAndCountLimits() {
        assertThatThrownBy(() -> parser.parse(audio("m=audio 65536 RTP/AVP 0")))
                .isInstanceOf(MalformedSdpException.class)
                .hasMessageContaining("port 65536 is out of range 0..65535");
        assertThatThrownBy(() -> parser.parse(audio("m=audio 5004 RTP/AVP 0 128")))
                .isInstanceOf(MalformedSdpException.class)
                .hasMessageContaining("'128' is not an RTP payload type (0..127)");
        assertThatThrownBy(() -> parser.parse(audio("m=audio 5004 RTP/AVP PCMU")))
                .isInstanceOf(MalformedSdpException.class)
                .hasMessageContaining("'PCMU' is not an RTP payload type");
        assertThatThrownBy(() -> parser.parse(audio("m=audio 5004 RTP/AVP" + " 0".repeat(65))))
                .isInstanceOf(MalformedSdpException.class)
                .hasMessageContaining("65 formats, more than the limit of 64");
        assertThatThrownBy(() -> parser.parse(HEAD + "m=video 0 RTP/AVP 31\r\n".repeat(17)))
                .isInstanceOf(MalformedSdpException.class)
                .hasMessageContaining("more than 16 m= lines");
    }

    @Test
    void acceptsTheLimitsThemselves() throws Exception {
        String sixteen = HEAD + "m=video 0 RTP/AVP 31\r\n".repeat(15) + "m=audio 65535 RTP/AVP" + " 127".repeat(64) + "\r\n";

        SdpDescription sdp = parser.parse(sixteen);

        assertThat(sdp.media()).hasSize(16);
        assertThat(sdp.media().get(15).formats()).hasSize(64);
    }

    @Test
    void refusesAddressesThatAreNeitherIpNorHostName() {
        assertThatThrownBy(() -> parser.parse(HEAD.replace("c=IN IP4 192.0.2.1", "c=IN IP4 999.1.1.1")))
                .isInstanceOf(MalformedSdpException.class)
                .hasMessageContaining("'999.1.1.1' is not an IPv4 address");
        assertThatThrownBy(() -> parser.parse(HEAD.replace("c=IN IP4 192.0.2.1", "c=IN IP6 2001:db8::zz")))
                .isInstanceOf(MalformedSdpException.class)
                .hasMessageContaining("is not an IPv6 address");
        assertThatThrownBy(() -> parser.parse(HEAD.replace("c=IN IP4 192.0.2.1", "c=IN IP4 bad_host!")))
                .isInstanceOf(MalformedSdpException.class)
                .hasMessageContaining("is not an IP4 address");
        assertThatThrownBy(() -> parser.parse(HEAD.replace("c=IN IP4 192.0.2.1", "c=IN IPX 192.0.2.1")))
                .isInstanceOf(MalformedSdpException.class)
                .hasMessageContaining("neither IP4 nor IP6");
    }

    /** Lines our pre-check leaves to javax.sdp still fail as malformed, not with its exception. */
    @Test
    void mapsTheLibraryParseErrorsToMalformed() {
        assertThatThrownBy(() -> parser.parse(audio("m=audio 5004 RTP/AVP 0").replace("t=0 0", "t=0 0\r\nr=x")))
                .isInstanceOf(MalformedSdpException.class)
                .hasMessageStartingWith("the session description could not be parsed")
                .extracting(e -> ((SdpException) e).sipStatusCode()).isEqualTo(400);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
