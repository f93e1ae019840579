package io.switchboard.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigestHeaderParsingTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Basic realm=\"atlanta.com\"",
            "Digest",
            "Digestrealm=\"a\", nonce=\"b\"",
            "Digest realm=\"atlanta.com, nonce=\"b\"",
            "Digest realm=\"a\", realm=\"b\", nonce=\"c\"",
            "Digest realm=\"a\" nonce=\"c\"",
            "Digest realm=, nonce=\"c\"",
            "Digest =\"a\", nonce=\"c\"",
            "Digest nonce=\"c\"",
            "Digest realm=\"a\"",
            "Digest realm=\"a\", nonce=\"c\", algorithm=MD5-sess",
            "Digest realm=\"a\", nonce=\"c\", algorithm=SHA-512-256",
    })
    void malformedOrUnsupportedChallengesAreRejected(String header) {
        assertThatThrownBy(() -> DigestChallenge.parse(header)).isInstanceOf(DigestException.class);
    }

    @Test
    void overlongHeadersAreRejectedBeforeParsing() {
        String header = "Digest realm=\"a\", nonce=\"" + "n".repeat(DigestParameters.MAX_LENGTH) + "\"";
        assertThatThrownBy(() -> DigestChallenge.parse(header))
                .isInstanceOf(DigestException.class)
                .hasMessageContaining("longer than");
    }

    @Test
    void tooManyParametersAreRejected() {
        StringBuilder header = new StringBuilder("Digest realm=\"a\", nonce=\"b\"");
        for (int i = 0; i < 40; i++) {
            header.append(", x").append(i).append("=y");
        }
        assertThatThrownBy(() -> DigestChallenge.parse(header.toString())).isInstanceOf(DigestException.class);
    }

    @Test
    void sipStyleChallengeWithEscapesAndStaleParses() throws Exception {
        DigestChallenge challenge = DigestChallenge.parse(
                "digest REALM=\"at\\\"lanta.com\",NONCE=\"84a4cc6f3082121f32b42a2187831a9e\",stale=TRUE,"
                        + "algorithm=sha-256,qop=\"auth\",x-unknown=token");

        assertThat(challenge.realm()).isEqualTo("at\"lanta.com");
        assertThat(challenge.stale()).isTrue();
        assertThat(challenge.algorithm()).isEqualTo(DigestAlgorithm.SHA_256);
        assertThat(challenge.offersQopAuth()).isTrue();
        assertThat(DigestChallenge.parse(challenge.toHeaderValue())).isEqualTo(challenge);
    }

    @Test
    void rfc2069ChallengeIsAnsweredWithoutQop() throws Exception {
        DigestChallenge challenge = DigestChallenge.parse("Digest realm=\"atlanta.com\", nonce=\"abc\"");
        DigestResponse response = new DigestResponder().respond(challenge,
                new DigestCredentials("bob", "zanzibar"), "REGISTER", "sip:atlanta.com", 1);

        assertThat(response.qop()).isNull();
        assertThat(response.cnonce()).isNull();
        assertThat(response.nonceCount()).isNull();
        String ha1 = DigestAlgorithm.MD5.hex("bob:atlanta.com:zanzibar");
        assertThat(response.response())
                .isEqualTo(DigestAlgorithm.MD5.hex(ha1 + ":abc:" + DigestAlgorithm.MD5.hex("REGISTER:sip:atlanta.com")));
    }

    @Test
    void challengeOfferingOnlyAuthIntCannotBeAnswered() {
        DigestChallenge challenge = new DigestChallenge("atlanta.com", "abc", null, DigestAlgorithm.MD5,
                Set.of("auth-int"), false);
        assertThatThrownBy(() -> new DigestResponder().respond(challenge, new DigestCredentials("bob", "pw"),
                "REGISTER", "sip:atlanta.com", 1))
                .isInstanceOf(DigestException.class)
                .hasMessageContaining("qop");
    }

    @Test
    void secretsAreNeverPrinted() {
        assertThat(new DigestCredentials("bob", "zanzibar").toString()).doesNotContain("zanzibar");
        assertThat(Ha1.compute(DigestAlgorithm.MD5, "bob", "atlanta.com", "zanzibar").toString())
                .doesNotContain(DigestAlgorithm.MD5.hex("bob:atlanta.com:zanzibar"));
    }

    @Test
    void theResponseForOurRealmIsPickedFromSeveralAndOtherSchemesAreIgnored() throws Exception {
        String theirs = "Digest username=\"bob\", realm=\"other.example\", nonce=\"n1\", uri=\"sip:a\", response=\"00\"";
        String ours = "Digest username=\"bob\", realm=\"example.com\", nonce=\"n2\", uri=\"sip:a\", response=\"11\"";

        assertThat(DigestResponse.forRealm(java.util.List.of("Basic Ym9iOnB3", theirs, ours), "example.com"))
                .hasValueSatisfying(r -> assertThat(r.nonce()).isEqualTo("n2"));
        assertThat(DigestResponse.forRealm(java.util.List.of(theirs), "example.com")).isEmpty();
        assertThat(DigestResponse.forRealm(java.util.List.of("Basic Ym9iOnB3"), "example.com")).isEmpty();
    }

    @Test
    void aMalformedDigestValueIsReportedWhenNoneIsForOurRealm() {
        assertThatThrownBy(() -> DigestResponse.forRealm(java.util.List.of("Digest username=\"bob\""), "example.com"))
                .isInstanceOf(DigestException.class);
    }
}
