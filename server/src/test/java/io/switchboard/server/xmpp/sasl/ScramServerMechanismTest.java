package io.switchboard.server.xmpp.sasl;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.server.auth.ScramCredential;
import io.switchboard.server.auth.ScramHash;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ScramServerMechanismTest {

    private final InMemoryUserStore store = new InMemoryUserStore();
    private final CredentialLookup lookup = new CredentialLookup(store, "example.com",
            new UnknownUserCredentials(new byte[32]));

    /** RFC 5802 §5: user "user", password "pencil". */
    @Test
    void rfc5802Sha1Example() {
        store.put("user", ScramCredential.derive(ScramHash.SHA_1, "pencil".toCharArray(),
                Base64.getDecoder().decode("QSXCR+Q6sek8bf92"), 4096));
        ScramServerMechanism scram = new ScramServerMechanism(ScramHash.SHA_1, lookup, () -> "3rfcNHYJY1ZVvWVs7j");

        SaslStep first = scram.evaluate(bytes("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL"));
        assertThat(text(((SaslStep.Challenge) first).data()))
                .isEqualTo("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096");

        SaslStep last = scram.evaluate(bytes(
                "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts="));
        SaslStep.Success success = (SaslStep.Success) last;
        assertThat(success.username()).isEqualTo("user");
        assertThat(text(success.additionalData())).isEqualTo("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=");
    }

    /** RFC 7677 §3: the same user with SCRAM-SHA-256. */
    @Test
    void rfc7677Sha256Example() {
        store.put("user", ScramCredential.derive(ScramHash.SHA_256, "pencil".toCharArray(),
                Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ=="), 4096));
        ScramServerMechanism scram = new ScramServerMechanism(ScramHash.SHA_256, lookup,
                () -> "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0");

        SaslStep first = scram.evaluate(bytes("n,,n=user,r=rOprNGfwEbeRWgbNEkqO"));
        assertThat(text(((SaslStep.Challenge) first).data())).isEqualTo(
                "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");

        SaslStep last = scram.evaluate(bytes("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));
        assertThat(text(((SaslStep.Success) last).additionalData()))
                .isEqualTo("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
    }

    @Test
    void wrongProofIsNotAuthorized() {
        store.put("user", ScramCredential.derive(ScramHash.SHA_1, "pencil".toCharArray(),
                Base64.getDecoder().decode("QSXCR+Q6sek8bf92"), 4096));
        ScramServerMechanism scram = new ScramServerMechanism(ScramHash.SHA_1, lookup, () -> "3rfcNHYJY1ZVvWVs7j");
        scram.evaluate(bytes("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL"));

        SaslStep last = scram.evaluate(bytes(
                "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=AAX8v3Bz2T0CJGbJQyF0X+HI4Ts="));

        assertThat(last).isEqualTo(new SaslStep.Failure(SaslFailure.NOT_AUTHORIZED));
    }

    @Test
    void unknownUserGetsAStableFakeSaltAndFailsLikeAWrongPassword() {
        String first1 = text(((SaslStep.Challenge) new ScramServerMechanism(ScramHash.SHA_256, lookup, () -> "s")
                .evaluate(bytes("n,,n=nobody,r=abc"))).data());
        ScramServerMechanism scram = new ScramServerMechanism(ScramHash.SHA_256, lookup, () -> "s");
        String first2 = text(((SaslStep.Challenge) scram.evaluate(bytes("n,,n=nobody,r=abc"))).data());
        assertThat(first1).isEqualTo(first2).startsWith("r=abcs,s=").endsWith(",i=4096");

        SaslStep last = scram.evaluate(bytes("c=biws,r=abcs,p="
                + Base64.getEncoder().encodeToString(new byte[32])));
        assertThat(last).isEqualTo(new SaslStep.Failure(SaslFailure.NOT_AUTHORIZED));
    }

    @Test
    void clientWithoutChannelBindingSupportFlagYIsAccepted() {
        store.put("user", ScramCredential.derive(ScramHash.SHA_1, "pencil".toCharArray(),
                Base64.getDecoder().decode("QSXCR+Q6sek8bf92"), 4096));
        ScramServerMechanism scram = new ScramServerMechanism(ScramHash.SHA_1, lookup, () -> "srv");
        assertThat(scram.evaluate(bytes("y,,n=user,r=cli"))).isInstanceOf(SaslStep.Challenge.class);
        // c= must repeat the "y,," header: "biws" (n,,) is refused
        assertThat(scram.evaluate(bytes("c=biws,r=clisrv,p=" + Base64.getEncoder().encodeToString(new byte[20]))))
                .isEqualTo(new SaslStep.Failure(SaslFailure.MALFORMED_REQUEST));
    }

    @Test
    void channelBindingRequestIsRefused() {
        ScramServerMechanism scram = new ScramServerMechanism(ScramHash.SHA_256, lookup, () -> "s");
        assertThat(scram.evaluate(bytes("p=tls-unique,,n=user,r=abc")))
                .isEqualTo(new SaslStep.Failure(SaslFailure.MALFORMED_REQUEST));
    }

    @Test
    void malformedMessagesAreMalformedRequest() {
        for (String bad : new String[] {"", "n", "n,,", "x,,n=user,r=a", "n,,r=a,n=user", "n,,n=us=er,r=a",
                "n,,m=ext,n=user,r=a", "n,,n=user"}) {
            ScramServerMechanism scram = new ScramServerMechanism(ScramHash.SHA_256, lookup, () -> "s");
            assertThat(scram.evaluate(bytes(bad))).as(bad).isEqualTo(new SaslStep.Failure(SaslFailure.MALFORMED_REQUEST));
        }
    }

    @Test
    void nonceMustBeRepeated() {
        ScramServerMechanism scram = new ScramServerMechanism(ScramHash.SHA_256, lookup, () -> "s");
        scram.evaluate(bytes("n,,n=user,r=abc"));
        assertThat(scram.evaluate(bytes("c=biws,r=other,p=" + Base64.getEncoder().encodeToString(new byte[32]))))
                .isEqualTo(new SaslStep.Failure(SaslFailure.MALFORMED_REQUEST));
    }

    @Test
    void authzidOfAnotherUserIsInvalid() {
        ScramServerMechanism scram = new ScramServerMechanism(ScramHash.SHA_256, lookup, () -> "s");
        assertThat(scram.evaluate(bytes("n,a=admin@example.com,n=user,r=abc")))
                .isEqualTo(new SaslStep.Failure(SaslFailure.INVALID_AUTHZID));
    }

    @Test
    void saslNameEscapes() throws Exception {
        assertThat(ScramServerMechanism.decodeSaslName("a=2Cb=3Dc")).isEqualTo("a,b=c");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
