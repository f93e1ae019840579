package io.switchboard.sip.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The client side of SIP digest authentication: answers a {@link DigestChallenge} from a 401 or 407
 * with the {@link DigestResponse} for the Authorization or Proxy-Authorization header. Uses
 * {@code qop=auth} when the challenge offers it, the RFC 2069 form when it offers no qop at all.
 *
 * <p>The caller owns the nonce count: it starts at 1 for each new nonce and grows with every
 * request that reuses the nonce. Stateless apart from the thread-safe random source; thread-safe.
 */
public final class DigestResponder {

    private static final int CNONCE_BYTES = 16;

    private final SecureRandom random;

    public DigestResponder(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    public DigestResponder() {
        this(new SecureRandom());
    }

    /** Answers with a fresh random cnonce. */
    public DigestResponse respond(DigestChallenge challenge, DigestCredentials credentials, String method,
                                  String uri, long nonceCount) throws DigestException {
        byte[] cnonce = new byte[CNONCE_BYTES];
        random.nextBytes(cnonce);
        return respond(challenge, credentials, method, uri, nonceCount,
                Base64.getUrlEncoder().withoutPadding().encodeToString(cnonce));
    }

    /**
     * Answers with the given cnonce (tests and the RFC examples fix it).
     *
     * @param method     the SIP method of the request being authorised, e.g. REGISTER
     * @param uri        the Request-URI of that request, as it is sent
     * @param nonceCount the how-many-th use of this nonce, from 1
     * @throws DigestException when the challenge offers only qop values other than "auth"
     */
    public DigestResponse respond(DigestChallenge challenge, DigestCredentials credentials, String method,
                                  String uri, long nonceCount, String cnonce) throws DigestException {
        if (nonceCount < 1 || nonceCount > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("nonce count out of range: " + nonceCount);
        }
        String qop = chooseQop(challenge);
        String nc = qop == null ? null : HexFormat.of().toHexDigits((int) nonceCount);
        String usedCnonce = qop == null ? null : cnonce;
        Ha1 ha1 = credentials.ha1(challenge.algorithm(), challenge.realm());
        String digest = DigestComputation.requestDigest(challenge.algorithm(), ha1.hex(), challenge.nonce(), nc,
                usedCnonce, qop, method, uri);
        return new DigestResponse(credentials.username(), challenge.realm(), challenge.nonce(), uri, digest,
                challenge.algorithm(), qop, usedCnonce, nc, challenge.opaque());
    }

    private static String chooseQop(DigestChallenge challenge) throws DigestException {
        if (challenge.qopOptions().isEmpty()) {
            return null;
        }
        if (challenge.offersQopAuth()) {
            return DigestChallenge.QOP_AUTH;
        }
        throw new DigestException("challenge offers only unsupported qop " + challenge.qopOptions());
    }
}
