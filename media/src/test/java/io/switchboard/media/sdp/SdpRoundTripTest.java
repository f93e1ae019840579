package io.switchboard.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.media.AudioCodec;
import io.switchboard.media.MediaDirection;
import io.switchboard.media.NegotiatedAudio;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our offer, answered by our answerer, read back by our offer reader (RFC 3264 6 and 7): both
 * sides settle on the same codec and payload types, each one's remote address is the other's
 * local one, and their directions mirror each other.
 */
class SdpRoundTripTest {

    private static SdpSession session(String address, int port, AudioCapabilities capabilities) throws Exception {
        return new SdpSession(InetAddress.getByName(address), port, capabilities, 100, 1);
    }

    private static void assertMirrored(NegotiatedAudio alice, NegotiatedAudio bob, int alicePort,
            String aliceAddress, int bobPort, String bobAddress) throws Exception {
        assertThat(alice.remoteRtp()).isEqualTo(new InetSocketAddress(InetAddress.getByName(bobAddress), bobPort));
        assertThat(alice.remoteRtcp()).isEqualTo(new InetSocketAddress(InetAddress.getByName(bobAddress), bobPort + 1));
        assertThat(bob.remoteRtp()).isEqualTo(new InetSocketAddress(InetAddress.getByName(aliceAddress), alicePort));
        assertThat(bob.remoteRtcp()).isEqualTo(new InetSocketAddress(InetAddress.getByName(aliceAddress), alicePort + 1));
        assertThat(alice.codec()).isEqualTo(bob.codec());
        assertThat(alice.payloadType()).isEqualTo(bob.payloadType());
        assertThat(alice.telephoneEvent()).isEqualTo(bob.telephoneEvent());
        assertThat(alice.direction()).isEqualTo(bob.direction().reversed());
        assertThat(alice.packetTimeMillis()).isEqualTo(bob.packetTimeMillis());
    }

    @Test
    void defaultsSettleOnOpusWithTelephoneEvent() throws Exception {
        SdpSession alice = session("192.0.2.10", 20000, AudioCapabilities.defaults());
        SdpSession bob = session("192.0.2.20", 30000, AudioCapabilities.defaults());

        SdpOffer offer = alice.createOffer(MediaDirection.SENDRECV);
        SdpAnswer answer = bob.answer(offer.sdp(), MediaDirection.SENDRECV);
        NegotiatedAudio aliceAudio = alice.readAnswer(offer, answer.sdp());

        assertMirrored(aliceAudio, answer.audio(), 20000, "192.0.2.10", 30000, "192.0.2.20");
        assertThat(aliceAudio.codec()).isEqualTo(AudioCodec.OPUS);
        assertThat(aliceAudio.payloadType()).isEqualTo(111);
        assertThat(aliceAudio.telephoneEvent()).hasValue(101);
        assertThat(aliceAudio.direction()).isEqualTo(MediaDirection.SENDRECV);
    }

    /** The offerer's preference wins even where the answerer would prefer another codec. */
    @Test
    void differentPreferencesSettleOnTheOfferersChoice() throws Exception {
        SdpSession alice = session("192.0.2.10", 20000, AudioCapabilities.of(AudioCodec.PCMA, AudioCodec.PCMU));
        SdpSession bob = session("192.0.2.20", 30000, AudioCapabilities.of(AudioCodec.PCMU, AudioCodec.PCMA)
                .withoutTelephoneEvent());

        SdpOffer offer = alice.createOffer(MediaDirection.SENDRECV);
        SdpAnswer answer = bob.answer(offer.sdp(), MediaDirection.SENDRECV);
        NegotiatedAudio aliceAudio = alice.readAnswer(offer, answer.sdp());

        assertMirrored(aliceAudio, answer.audio(), 20000, "192.0.2.10", 30000, "192.0.2.20");
        assertThat(aliceAudio.codec()).isEqualTo(AudioCodec.PCMA);
        assertThat(aliceAudio.telephoneEvent()).isEmpty();
    }

    /** Hold and resume by re-offer (RFC 3264 8.4), including Bob holding at the same time. */
    @ParameterizedTest
    @CsvSource({
        "SENDRECV, SENDRECV, SENDRECV",
        "SENDONLY, SENDRECV, SENDONLY",
        "SENDONLY, SENDONLY, INACTIVE",
        "INACTIVE, SENDRECV, INACTIVE",
        "SENDRECV, RECVONLY, SENDONLY",
        "RECVONLY, SENDRECV, RECVONLY"
    })
    void holdAndResumeMirror(MediaDirection aliceOffers, MediaDirection bobWants, MediaDirection aliceGets)
            throws Exception {
        SdpSession alice = session("192.0.2.10", 20000, AudioCapabilities.defaults());
        SdpSession bob = session("192.0.2.20", 30000, AudioCapabilities.defaults());
        SdpOffer initial = alice.createOffer(MediaDirection.SENDRECV);
        alice.readAnswer(initial, bob.answer(initial.sdp(), MediaDirection.SENDRECV).sdp());

        SdpOffer reOffer = alice.createOffer(aliceOffers);
        SdpAnswer answer = bob.answer(reOffer.sdp(), bobWants);
        NegotiatedAudio aliceAudio = alice.readAnswer(reOffer, answer.sdp());

        assertMirrored(aliceAudio, answer.audio(), 20000, "192.0.2.10", 30000, "192.0.2.20");
        assertThat(aliceAudio.direction()).isEqualTo(aliceGets);
    }

    @Test
    void ipv6RoundTrip() throws Exception {
        SdpSession alice = session("2001:db8::10", 20000, AudioCapabilities.defaults());
        SdpSession bob = session("2001:db8::20", 30000, AudioCapabilities.defaults());

        SdpOffer offer = alice.createOffer(MediaDirection.SENDRECV);
        SdpAnswer answer = bob.answer(offer.sdp(), MediaDirection.SENDRECV);
        NegotiatedAudio aliceAudio = alice.readAnswer(offer, answer.sdp());

        assertMirrored(aliceAudio, answer.audio(), 20000, "2001:db8::10", 30000, "2001:db8::20");
    }
}
