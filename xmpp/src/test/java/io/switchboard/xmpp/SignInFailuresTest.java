package io.switchboard.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.service.SignInException;
import io.switchboard.core.service.SignInException.Reason;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Optional;

import javax.net.ssl.SSLHandshakeException;

import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StreamError;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.sasl.packet.SaslNonza;
import org.junit.jupiter.api.Test;

class SignInFailuresTest {

    private static final String FINGERPRINT = "AB:".repeat(31) + "AB";

    private static SignInException classify(Exception e) {
        return SignInFailures.classify(e, Optional.empty(), "example.com");
    }

    @Test
    void saslNotAuthorizedIsBadCredentials() {
        var e = new SASLErrorException("SCRAM-SHA-1", new SaslNonza.SASLFailure("not-authorized"));
        SignInException failure = classify(e);
        assertThat(failure.reason()).isEqualTo(Reason.BAD_CREDENTIALS);
        assertThat(failure.getMessage()).contains("password");
        assertThat(failure.getCause()).isSameAs(e);
    }

    @Test
    void saslTemporaryFailureAndDisabledAccountArePolicy() {
        assertThat(classify(new SASLErrorException("PLAIN", new SaslNonza.SASLFailure("temporary-auth-failure")))
                .reason()).isEqualTo(Reason.POLICY_VIOLATION);
        assertThat(classify(new SASLErrorException("PLAIN", new SaslNonza.SASLFailure("account-disabled")))
                .reason()).isEqualTo(Reason.POLICY_VIOLATION);
    }

    @Test
    void streamErrorsPolicyAndConflictArePolicyViolations() {
        assertThat(classify(streamError(StreamError.Condition.policy_violation)).reason())
                .isEqualTo(Reason.POLICY_VIOLATION);
        assertThat(classify(streamError(StreamError.Condition.conflict)).reason()).isEqualTo(Reason.POLICY_VIOLATION);
        assertThat(classify(streamError(StreamError.Condition.bad_format)).reason()).isEqualTo(Reason.PROTOCOL_ERROR);
    }

    @Test
    void refusedConnectionsAndUnknownHostsAreUnreachable() {
        // Smack's EndpointConnectionException (a real refused port) is covered by the interop tests
        assertThat(classify(new java.io.IOException(new ConnectException("Connection refused"))).reason())
                .isEqualTo(Reason.UNREACHABLE);
        assertThat(classify(new java.io.IOException(new UnknownHostException("nowhere.example"))).reason())
                .isEqualTo(Reason.UNREACHABLE);
    }

    @Test
    void tlsFailureWithOurRefusedCertificateIsUntrustedWithItsFingerprint() {
        var e = new java.io.IOException(new SSLHandshakeException("PKIX path building failed"));
        SignInException failure = SignInFailures.classify(e, Optional.of(FINGERPRINT), "example.com");
        assertThat(failure.reason()).isEqualTo(Reason.CERTIFICATE_UNTRUSTED);
        assertThat(failure.certificateFingerprint()).contains(FINGERPRINT);
        assertThat(failure.getMessage()).contains(FINGERPRINT);
    }

    @Test
    void otherTlsProblemsAreTlsFailures() {
        assertThat(classify(new java.io.IOException(new SSLHandshakeException("no cipher suites in common")))
                .reason()).isEqualTo(Reason.TLS_FAILURE);
    }

    @Test
    void anythingElseIsAProtocolError() {
        assertThat(classify(new IllegalStateException("surprise")).reason()).isEqualTo(Reason.PROTOCOL_ERROR);
    }

    private static XMPPException.StreamErrorException streamError(StreamError.Condition condition) {
        return new XMPPException.StreamErrorException(new StreamError(condition, null, java.util.Map.of(), java.util.List.of()));
    }
}
