package io.switchboard.sip.ua;

import io.switchboard.core.model.Address;
import io.switchboard.sip.auth.DigestCredentials;
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
 */
public record SipAccount(Address address, String authUsername, String password, SipProxy primary,
                         SipProxy backup, Duration expires) {

    public static final Duration DEFAULT_EXPIRES = Duration.ofHours(1);

    public SipAccount {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(authUsername, "authUsername");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(expires, "expires");
        if (expires.toSeconds() < 1) {
            throw new IllegalArgumentException("expires must be at least one second: " + expires);
        }
    }

    /** An account with only a primary proxy and the default lifetime. */
    public static SipAccount of(Address address, String password, SipProxy primary) {
        return new SipAccount(address, address.local(), password, primary, null, DEFAULT_EXPIRES);
    }

    public SipAccount withBackup(SipProxy newBackup) {
        return new SipAccount(address, authUsername, password, primary, newBackup, expires);
    }

    public SipAccount withExpires(Duration newExpires) {
        return new SipAccount(address, authUsername, password, primary, backup, newExpires);
    }

    public SipAccount withAuthUsername(String newAuthUsername) {
        return new SipAccount(address, newAuthUsername, password, primary, backup, expires);
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
                + (backup == null ? "" : ", backup " + backup) + ", expires " + expires.toSeconds() + "s]";
    }
}
