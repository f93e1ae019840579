package io.switchboard.sip.ua;

import io.switchboard.core.model.Address;
import io.switchboard.sip.auth.DigestCredentials;
import io.switchboard.sip.tls.SipTlsTrust;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One SIP account: the address of record, the digest credentials, the proxies and the requested
 * registration lifetime. The password is never printed.
 *
 * @param address      the address of record, e.g. alice@example.com (sip:alice@example.com)
 * @param authUsername the digest user name (often the local part of the address)
 * @param password     the digest password
 * @param primary      the proxy/registrar normally used
 * @param backup       the proxy taken over when the primary fails, or null for none
 * @param expires      the registration (and publication, subscription) lifetime to ask for
 * @param xcapRoot     the XCAP root of the presence rules server (RFC 4825), or null for the
 *                     default on the primary proxy's host ({@link #xcapRootOrDefault()})
 * @param tlsTrust     which server certificates a TLS proxy may present: the system's trust store
 *                     plus the fingerprints the user accepted (only used with TLS proxies)
 */
public record SipAccount(Address address, String authUsername, String password, SipProxy primary,
                         SipProxy backup, Duration expires, URI xcapRoot, SipTlsTrust tlsTrust) {

    public static final Duration DEFAULT_EXPIRES = Duration.ofHours(1);
    /** The bundled server's XCAP port and root path (its {@code xcap:} settings, ADR 0019). */
    public static final int DEFAULT_XCAP_PORT = 5062;
    public static final String DEFAULT_XCAP_PATH = "/xcap-root";

    public SipAccount {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(authUsername, "authUsername");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(tlsTrust, "tlsTrust");
        if (expires.toSeconds() < 1) {
            throw new IllegalArgumentException("expires must be at least one second: " + expires);
        }
        if (xcapRoot != null && (xcapRoot.getHost() == null
                || !("http".equalsIgnoreCase(xcapRoot.getScheme()) || "https".equalsIgnoreCase(xcapRoot.getScheme())))) {
            throw new IllegalArgumentException("the XCAP root must be an http or https URI with a host: " + xcapRoot);
        }
    }

    /** As before TLS: trusting the system's certificates. */
    public SipAccount(Address address, String authUsername, String password, SipProxy primary,
                      SipProxy backup, Duration expires, URI xcapRoot) {
        this(address, authUsername, password, primary, backup, expires, xcapRoot, SipTlsTrust.system());
    }

    /** An account with only a primary proxy and the default lifetime. */
    public static SipAccount of(Address address, String password, SipProxy primary) {
        return new SipAccount(address, address.local(), password, primary, null, DEFAULT_EXPIRES, null,
                SipTlsTrust.system());
    }

    public SipAccount withBackup(SipProxy newBackup) {
        return new SipAccount(address, authUsername, password, primary, newBackup, expires, xcapRoot, tlsTrust);
    }

    public SipAccount withExpires(Duration newExpires) {
        return new SipAccount(address, authUsername, password, primary, backup, newExpires, xcapRoot, tlsTrust);
    }

    public SipAccount withAuthUsername(String newAuthUsername) {
        return new SipAccount(address, newAuthUsername, password, primary, backup, expires, xcapRoot, tlsTrust);
    }

    public SipAccount withXcapRoot(URI newXcapRoot) {
        return new SipAccount(address, authUsername, password, primary, backup, expires, newXcapRoot, tlsTrust);
    }

    /** The certificates a TLS proxy may present; e.g. {@code SipTlsTrust.system().withTrustedFingerprint(fp)}. */
    public SipAccount withTlsTrust(SipTlsTrust newTrust) {
        return new SipAccount(address, authUsername, password, primary, backup, expires, xcapRoot, newTrust);
    }

    /** Whether any proxy of the account is reached over TLS. */
    public boolean usesTls() {
        return primary.secure() || (backup != null && backup.secure());
    }

    /**
     * Where the account's presence rules live: the configured XCAP root, else
     * {@code http://<primary proxy host>:5062/xcap-root}, the bundled server's default.
     */
    public URI xcapRootOrDefault() {
        if (xcapRoot != null) {
            return xcapRoot;
        }
        String host = primary.host().contains(":") && !primary.host().startsWith("[")
                ? "[" + primary.host() + "]" : primary.host();
        return URI.create("http://" + host + ":" + DEFAULT_XCAP_PORT + DEFAULT_XCAP_PATH);
    }

    public Optional<SipProxy> backupProxy() {
        return Optional.ofNullable(backup);
    }

    public DigestCredentials credentials() {
        return new DigestCredentials(authUsername, password);
    }

    @Override
    public String toString() {
        return "SipAccount[" + address + ", auth " + authUsername + ", ****, primary " + primary
                + (backup == null ? "" : ", backup " + backup) + ", expires " + expires.toSeconds() + "s"
                + (xcapRoot == null ? "" : ", xcap " + xcapRoot)
                + (tlsTrust.trustedFingerprints().isEmpty() ? "" : ", " + tlsTrust.trustedFingerprints().size()
                        + " accepted certificate(s)") + "]";
    }
}
