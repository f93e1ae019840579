package io.switchboard.core.service;

import java.util.Objects;
import java.util.Optional;

/** Signing in failed; {@link #reason()} is what the UI explains to the user. */
public class SignInException extends ServiceException {
    private static final long serialVersionUID = 1L;

    /** Each reason has its own message and remedy in the UI. */
    public enum Reason {
        /** The server rejected the user name or password. */
        BAD_CREDENTIALS,
        /** No connection could be made: DNS, refused, timed out. */
        UNREACHABLE,
        /** The server's certificate is not trusted; {@link #certificateFingerprint()} tells which. */
        CERTIFICATE_UNTRUSTED,
        /** TLS could not be negotiated for another reason. */
        TLS_FAILURE,
        /** The server refused for a policy reason (account disabled, too many attempts, resource conflict...). */
        POLICY_VIOLATION,
        /** The server spoke something we do not understand. */
        PROTOCOL_ERROR
    }

    private final Reason reason;
    private final String certificateFingerprint;

    public SignInException(Reason reason, String message, Throwable cause) {
        this(reason, message, null, cause);
    }

    public SignInException(Reason reason, String message, String certificateFingerprint, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.certificateFingerprint = certificateFingerprint;
    }

    public Reason reason() {
        return reason;
    }

    /** SHA-256 fingerprint of the untrusted server certificate, for the user to compare and accept. */
    public Optional<String> certificateFingerprint() {
        return Optional.ofNullable(certificateFingerprint);
    }
}
