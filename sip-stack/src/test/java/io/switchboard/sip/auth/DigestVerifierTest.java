package io.switchboard.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Server and client sides against each other, every response sent through its header text. */
class DigestVerifierTest {

    private static final String REALM = "switchboard.test";
    private static final DigestCredentials ALICE = new DigestCredentials("alice", "wonderland");
    private static final CredentialLookup STORE = (user, realm, algorithm) -> user.equals("alice")
            ? Optional.of(ALICE.ha1(algorithm, realm))
            : Optional.empty();

    private final MutableClock clock = new MutableClock();
    private final DigestNonces nonces = new DigestNonces(new byte[32], new SecureRandom(), clock, Duration.ofMinutes(5));
    private final DigestVerifier verifier = new DigestVerifier(REALM, nonces,
            List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5));
    private final DigestResponder responder = new DigestResponder();

    @ParameterizedTest
    @EnumSource(DigestAlgorithm.class)
    void rightPasswordIsValidForEveryOfferedAlgorithm(DigestAlgorithm algorithm) throws Exception {
        DigestChallenge challenge = challenge(algorithm);
        DigestResponse response = overTheWire(responder.respond(challenge, ALICE, "REGISTER", "sip:switchboard.test", 1));

        assertThat(verifier.verify(response, "REGISTER", STORE)).isEqualTo(DigestVerification.VALID);
    }

    @Test
    void challengesOfferSha256BeforeMd5WithOneNonce() throws Exception {
        List<DigestChallenge> challenges = verifier.challenges(false);

        assertThat(challenges).extracting(DigestChallenge::algorithm)
                .containsExactly(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);
        assertThat(challenges).extracting(DigestChallenge::nonce).containsOnly(challenges.get(0).nonce());
        assertThat(DigestChallenge.parse(challenges.get(0).toHeaderValue())).isEqualTo(challenges.get(0));
    }

    @Test
    void aPlainPasswordLookupWorksLikeAStoredHa1() throws Exception {
        DigestResponse response = responder.respond(challenge(DigestAlgorithm.MD5), ALICE, "REGISTER", "sip:x", 1);

        assertThat(verifier.verify(response, "REGISTER", CredentialLookup.ofPassword("alice", "wonderland")))
                .isEqualTo(DigestVerification.VALID);
        assertThat(verifier.verify(response, "REGISTER", CredentialLookup.ofPassword("alice", "looking-glass")))
                .isEqualTo(DigestVerification.WRONG_CREDENTIALS);
    }

    @Test
    void wrongPasswordOrUnknownUserIsRejected() throws Exception {
        DigestChallenge challenge = challenge(DigestAlgorithm.SHA_256);
        DigestResponse wrongPassword = responder.respond(challenge, new DigestCredentials("alice", "guess"),
                "REGISTER", "sip:switchboard.test", 1);
        DigestResponse unknownUser = responder.respond(challenge, new DigestCredentials("mallory", "wonderland"),
                "REGISTER", "sip:switchboard.test", 1);

        assertThat(verifier.verify(wrongPassword, "REGISTER", STORE)).isEqualTo(DigestVerification.WRONG_CREDENTIALS);
        assertThat(verifier.verify(unknownUser, "REGISTER", STORE)).isEqualTo(DigestVerification.WRONG_CREDENTIALS);
    }

    @Test
    void tamperedFieldsBreakTheDigest() throws Exception {
        DigestResponse good = responder.respond(challenge(DigestAlgorithm.SHA_256), ALICE, "REGISTER",
                "sip:switchboard.test", 1);

        assertThat(verifier.verify(good, "INVITE", STORE)).as("other method").isEqualTo(DigestVerification.WRONG_CREDENTIALS);
        assertThat(verifier.verify(with(good, "uri", "sip:evil.test"), "REGISTER", STORE))
                .isEqualTo(DigestVerification.WRONG_CREDENTIALS);
        assertThat(verifier.verify(with(good, "nc", "00000002"), "REGISTER", STORE))
                .isEqualTo(DigestVerification.WRONG_CREDENTIALS);
        assertThat(verifier.verify(with(good, "cnonce", "other"), "REGISTER", STORE))
                .isEqualTo(DigestVerification.WRONG_CREDENTIALS);
        assertThat(verifier.verify(with(good, "response", "0".repeat(64)), "REGISTER", STORE))
                .isEqualTo(DigestVerification.WRONG_CREDENTIALS);
    }

    @Test
    void aForgedOrForeignNonceIsInvalid() throws Exception {
        DigestChallenge real = challenge(DigestAlgorithm.MD5);
        DigestNonces otherServer = new DigestNonces(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16},
                new SecureRandom(), clock, Duration.ofMinutes(5));
        DigestChallenge foreign = DigestChallenge.withQopAuth(REALM, otherServer.create(), DigestAlgorithm.MD5, false);
        byte[] bytes = Base64.getUrlDecoder().decode(real.nonce());
        bytes[0] ^= 1;
        DigestChallenge backdated = DigestChallenge.withQopAuth(REALM,
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), DigestAlgorithm.MD5, false);

        for (DigestChallenge challenge : List.of(foreign, backdated,
                DigestChallenge.withQopAuth(REALM, "not-a-nonce", DigestAlgorithm.MD5, false))) {
            DigestResponse response = responder.respond(challenge, ALICE, "REGISTER", "sip:switchboard.test", 1);
            assertThat(verifier.verify(response, "REGISTER", STORE)).isEqualTo(DigestVerification.INVALID_NONCE);
        }
    }

    @Test
    void anExpiredNonceIsStaleOnlyWhenThePasswordIsRight() throws Exception {
        DigestChallenge challenge = challenge(DigestAlgorithm.SHA_256);
        DigestResponse right = responder.respond(challenge, ALICE, "REGISTER", "sip:switchboard.test", 1);
        DigestResponse wrong = responder.respond(challenge, new DigestCredentials("alice", "guess"), "REGISTER",
                "sip:switchboard.test", 1);
        clock.advance(Duration.ofMinutes(6));

        assertThat(verifier.verify(right, "REGISTER", STORE)).isEqualTo(DigestVerification.STALE_NONCE);
        assertThat(verifier.verify(wrong, "REGISTER", STORE)).isEqualTo(DigestVerification.WRONG_CREDENTIALS);
        assertThat(verifier.challenges(true).get(0).toHeaderValue()).contains("stale=true");
    }

    @Test
    void aNonceFromTheFutureIsInvalid() {
        String nonce = nonces.create();
        clock.advance(Duration.ofMinutes(-1));
        assertThat(nonces.check(nonce)).isEqualTo(DigestNonces.State.INVALID);
    }

    @Test
    void wrongRealmAndMissingQopAreRefused() throws Exception {
        DigestChallenge challenge = challenge(DigestAlgorithm.MD5);
        DigestResponse good = responder.respond(challenge, ALICE, "REGISTER", "sip:switchboard.test", 1);
        DigestResponse noQop = responder.respond(
                new DigestChallenge(REALM, challenge.nonce(), null, DigestAlgorithm.MD5, null, false),
                ALICE, "REGISTER", "sip:switchboard.test", 1);

        assertThat(verifier.verify(with(good, "realm", "elsewhere"), "REGISTER", STORE))
                .isEqualTo(DigestVerification.WRONG_REALM);
        assertThat(verifier.verify(noQop, "REGISTER", STORE)).isEqualTo(DigestVerification.MALFORMED);
        assertThat(verifier.verify(with(good, "nc", "1"), "REGISTER", STORE)).isEqualTo(DigestVerification.MALFORMED);
    }

    @Test
    void anAlgorithmNotOfferedIsRefused() throws Exception {
        DigestVerifier sha256Only = new DigestVerifier(REALM, nonces, List.of(DigestAlgorithm.SHA_256));
        DigestResponse md5 = responder.respond(challenge(DigestAlgorithm.MD5), ALICE, "REGISTER", "sip:x", 1);

        assertThat(sha256Only.verify(md5, "REGISTER", STORE)).isEqualTo(DigestVerification.MALFORMED);
    }

    private DigestChallenge challenge(DigestAlgorithm algorithm) throws DigestException {
        DigestChallenge challenge = verifier.challenges(false).stream()
                .filter(c -> c.algorithm() == algorithm)
                .findFirst()
                .orElseThrow();
        return DigestChallenge.parse(challenge.toHeaderValue());
    }

    private static DigestResponse overTheWire(DigestResponse response) throws DigestException {
        return DigestResponse.parse(response.toHeaderValue());
    }

    private static DigestResponse with(DigestResponse r, String field, String value) {
        return new DigestResponse(r.username(),
                field.equals("realm") ? value : r.realm(),
                r.nonce(),
                field.equals("uri") ? value : r.uri(),
                field.equals("response") ? value : r.response(),
                r.algorithm(), r.qop(),
                field.equals("cnonce") ? value : r.cnonce(),
                field.equals("nc") ? value : r.nonceCount(),
                r.opaque());
    }
}
