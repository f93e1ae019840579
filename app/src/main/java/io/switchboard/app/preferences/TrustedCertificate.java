package io.switchboard.app.preferences;

/**
 * A server certificate the user accepted explicitly at sign-in.
 *
 * @param server      the server as typed in the sign-in window (lower case)
 * @param fingerprint its SHA-256 fingerprint
 */
public record TrustedCertificate(String server, String fingerprint) {
}
