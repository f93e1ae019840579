package io.switchboard.server.xmpp.sasl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlainMechanismTest {

    private final InMemoryUserStore store = new InMemoryUserStore();
    private final CredentialLookup lookup = new CredentialLookup(store, "example.com",
            UnknownUserCredentials.withRandomSecret());

    PlainMechanismTest() {
        store.setPassword("juliet", "r0m\u00e9o".toCharArray());
    }

    @Test
    void parsesTheThreeFields() {
        var parsed = PlainMechanism.parse(bytes("admin\0juliet\0secret")).orElseThrow();
        assertThat(parsed.authzid()).isEqualTo("admin");
        assertThat(parsed.authcid()).isEqualTo("juliet");
        assertThat(parsed.password()).containsExactly("secret".toCharArray());
    }

    @Test
    void refusesMalformedMessages() {
        assertThat(PlainMechanism.parse(bytes("juliet\0secret"))).isEmpty();
        assertThat(PlainMechanism.parse(bytes("\0\0secret"))).isEmpty();
        assertThat(PlainMechanism.parse(bytes("\0juliet\0"))).isEmpty();
        assertThat(PlainMechanism.parse(bytes("\0juliet\0se\0cret"))).isEmpty();
        assertThat(PlainMechanism.parse(new byte[] {0, 'j', 0, (byte) 0xC3, (byte) 0x28})).isEmpty();
    }

    @Test
    void rightPasswordSucceeds() {
        assertThat(new PlainMechanism(lookup).evaluate(bytes("\0Juliet\0r0m\u00e9o")))
                .isInstanceOfSatisfying(SaslStep.Success.class, s -> assertThat(s.username()).isEqualTo("juliet"));
        assertThat(new PlainMechanism(lookup).evaluate(bytes("juliet@example.com\0juliet\0r0m\u00e9o")))
                .isInstanceOf(SaslStep.Success.class);
    }

    @Test
    void wrongPasswordAndUnknownUserAreBothNotAuthorized() {
        assertThat(new PlainMechanism(lookup).evaluate(bytes("\0juliet\0wrong")))
                .isEqualTo(new SaslStep.Failure(SaslFailure.NOT_AUTHORIZED));
        assertThat(new PlainMechanism(lookup).evaluate(bytes("\0nobody\0r0m\u00e9o")))
                .isEqualTo(new SaslStep.Failure(SaslFailure.NOT_AUTHORIZED));
    }

    @Test
    void authzidOfSomeoneElseIsInvalid() {
        assertThat(new PlainMechanism(lookup).evaluate(bytes("romeo@example.com\0juliet\0r0m\u00e9o")))
                .isEqualTo(new SaslStep.Failure(SaslFailure.INVALID_AUTHZID));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theVerifierDecidesAndADirectoryThatCannotTellIsATemporaryFailure() {
        PasswordVerifier unavailable = (user, password) -> PasswordVerifier.Verdict.UNAVAILABLE;
        assertThat(new PlainMechanism(lookup, unavailable).evaluate(bytes("\0juliet\0r0m\u00e9o")))
                .isEqualTo(new SaslStep.Failure(SaslFailure.TEMPORARY_AUTH_FAILURE));
        PasswordVerifier directory = (user, password) -> user.equals("romeo") ? PasswordVerifier.Verdict.ACCEPTED
                : PasswordVerifier.Verdict.REFUSED;
        assertThat(new PlainMechanism(lookup, directory).evaluate(bytes("\0Romeo\0anything")))
                .isInstanceOf(SaslStep.Success.class);
    }

    @Test
    void withDirectoryPasswordsOnlyPlainIsOfferedAndOnlyOverTls() {
        SaslMechanisms directory = new SaslMechanisms(lookup, ScramNonces.random(),
                java.util.Optional.of((user, password) -> PasswordVerifier.Verdict.REFUSED));
        assertThat(directory.offered(true)).containsExactly(PlainMechanism.NAME);
        assertThat(directory.offered(false)).isEmpty();
        assertThat(directory.create("SCRAM-SHA-256", true)).isEmpty();
        assertThat(new SaslMechanisms(lookup, ScramNonces.random()).offered(true))
                .contains("SCRAM-SHA-256", "SCRAM-SHA-1", PlainMechanism.NAME);
    }
}
