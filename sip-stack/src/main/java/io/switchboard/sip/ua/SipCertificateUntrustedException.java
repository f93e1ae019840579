package io.switchboard.sip.ua;

/**
 * Our side refused the TLS connection: the server's certificate is neither trusted by this
 * computer for the server's name nor one the user accepted. {@link #fingerprint()} is the SHA-256
 * fingerprint to show, compare and, once the user agrees, add to the account's
 * {@code SipTlsTrust}. A proxy failure like any unusable connection (the backup is tried).
 */
public class SipCertificateUntrustedException extends SipTransportException {

    private static final long serialVersionUID = 1L;

    private final String fingerprint;

    public SipCertificateUntrustedException(String message, String fingerprint, Throwable cause) {
        super(message, cause);
        this.fingerprint = fingerprint;
    }

    /** SHA-256 of the refused certificate, {@code AB:CD:...}. */
    public String fingerprint() {
        return fingerprint;
    }
}
