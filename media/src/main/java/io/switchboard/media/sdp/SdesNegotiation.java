package io.switchboard.media.sdp;

import io.switchboard.media.SrtpKey;
import io.switchboard.media.SrtpKeys;
import io.switchboard.media.SrtpPolicy;
import io.switchboard.media.SrtpSuite;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * SDES (RFC 4568) offer/answer for one audio stream under an {@link SrtpPolicy}: the keys and
 * profile we offer, how we answer an offer's {@code a=crypto} lines, and what the answer to our
 * offer settles. Stateless; the keys come from {@link SrtpKey#generate()}.
 */
final class SdesNegotiation {

    static final String RTP_SAVP = "RTP/SAVP";

    private SdesNegotiation() {
    }

    /** What we do with one offered stream's SRTP: encrypt, send plain, or refuse the stream. */
    sealed interface Answer {
        /** Plain RTP; no a=crypto in our answer. */
        record Plain() implements Answer {
        }

        /** SRTP with these keys; {@code line} goes into our answer. */
        record Encrypted(CryptoAttribute line, SrtpKeys keys) implements Answer {
        }

        /** The stream cannot be taken under the policy. */
        record Refused(String reason) implements Answer {
        }
    }

    /**
     * A fresh key for each suite, tag 1 for the preferred one (RFC 4568 6.1: the offerer lists
     * its preference first), or none when SRTP is off. Fresh for every offer: a re-offer is a
     * new offer whose keys the answer may take or not (RFC 4568 7.1.4).
     */
    static List<CryptoAttribute> offeredKeys(SrtpPolicy policy) {
        if (policy == SrtpPolicy.OFF) {
            return List.of();
        }
        List<CryptoAttribute> keys = new ArrayList<>();
        int tag = 1;
        for (SrtpSuite suite : SrtpSuite.values()) {
            keys.add(CryptoAttribute.fresh(tag++, suite));
        }
        return keys;
    }

    /**
     * RTP/SAVP only when SRTP is required: a peer that does not know SRTP rejects that stream, as
     * it should. Optional SRTP stays RTP/AVP with crypto lines, which SRTP-capable phones take and
     * others ignore (the "best effort" of Cisco phones and baresip).
     */
    static String offeredProtocol(SrtpPolicy policy) {
        return policy == SrtpPolicy.REQUIRED ? RTP_SAVP : LocalAudioMedia.RTP_AVP;
    }

    /**
     * The answerer's choice for an offered RTP/AVP or RTP/SAVP audio stream: the first offered
     * line we can use (the offerer's preference), answered with the same tag and suite and our own
     * key. Our key stays the one of {@code previous} when the offerer's chosen key is unchanged (a
     * session refresh or hold re-offer with the same keys), so an unchanged stream is not re-keyed.
     *
     * @throws MalformedSdpException an a=crypto line breaks RFC 4568's grammar
     */
    static Answer answer(SdpMedia offered, String label, SrtpPolicy policy, Optional<SrtpKeys> previous)
            throws MalformedSdpException {
        boolean savp = offered.protocol().toUpperCase(Locale.ROOT).equals(RTP_SAVP);
        if (policy == SrtpPolicy.OFF) {
            return savp ? new Answer.Refused("RTP/SAVP needs SRTP, which is off for this call") : new Answer.Plain();
        }
        List<CryptoAttribute> usable = CryptoAttributes.usable(offered, label);
        if (usable.isEmpty()) {
            if (savp) {
                return new Answer.Refused("RTP/SAVP without an a=crypto line we can use (we support "
                        + List.of(SrtpSuite.values()) + " with one inline key, no MKI)");
            }
            if (policy == SrtpPolicy.REQUIRED) {
                return new Answer.Refused("SRTP is required and the stream offers no a=crypto line we can use");
            }
            return new Answer.Plain();
        }
        CryptoAttribute theirs = usable.get(0);
        SrtpKey ours = previous
                .filter(p -> p.suite() == theirs.suite() && p.remote().equals(theirs.key()))
                .map(SrtpKeys::local)
                .orElseGet(SrtpKey::generate);
        return new Answer.Encrypted(new CryptoAttribute(theirs.tag(), theirs.suite(), ours),
                new SrtpKeys(theirs.suite(), ours, theirs.key()));
    }

    /**
     * What the answer to our offer settles: the offered line whose tag the answer repeats, with
     * the answerer's key; plain RTP when the answer has no a=crypto and SRTP was only optional.
     *
     * @throws UnacceptableSdpException SRTP was required and the answer takes no key, or its key
     *                                  does not fit what we offered
     * @throws MalformedSdpException    an a=crypto line of the answer breaks RFC 4568's grammar
     */
    static Optional<SrtpKeys> readAnswer(List<CryptoAttribute> offered, SrtpPolicy policy, SdpMedia answered,
            String label) throws SdpException {
        if (offered.isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = answered.values(CryptoAttribute.NAME);
        if (lines.isEmpty()) {
            if (policy == SrtpPolicy.REQUIRED) {
                throw new UnacceptableSdpException(label + " of the answer has no a=crypto line, and SRTP is required");
            }
            return Optional.empty();
        }
        List<CryptoAttribute> usable = CryptoAttributes.usable(answered, label);
        if (lines.size() != 1 || usable.size() != 1) {
            throw new UnacceptableSdpException(label + " of the answer has " + lines.size()
                    + " a=crypto lines, of which " + usable.size() + " usable; an answer takes exactly one key (RFC 4568 6.1)");
        }
        CryptoAttribute theirs = usable.get(0);
        for (CryptoAttribute ours : offered) {
            if (ours.tag() == theirs.tag()) {
                if (ours.suite() != theirs.suite()) {
                    throw new UnacceptableSdpException(label + " of the answer names crypto tag " + theirs.tag()
                            + " with " + theirs.suite() + " but we offered " + ours.suite() + " under it (RFC 4568 6.1)");
                }
                return Optional.of(new SrtpKeys(ours.suite(), ours.key(), theirs.key()));
            }
        }
        throw new UnacceptableSdpException(label + " of the answer accepts crypto tag " + theirs.tag()
                + ", which we did not offer (RFC 4568 6.1)");
    }
}
