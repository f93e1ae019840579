package io.switchboard.server.xmpp.sasl;

import io.switchboard.server.auth.ScramHash;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The mechanisms this server offers, strongest first: SCRAM-SHA-256, SCRAM-SHA-1, and PLAIN only
 * on a TLS-protected stream (RFC 6120 §13.8: never send a password in the clear); with directory
 * passwords, PLAIN alone. Thread-safe;
 * each {@link #create} returns a fresh mechanism for one exchange.
 */
public final class SaslMechanisms {

    private final CredentialLookup credentials;
    private final Supplier<String> serverNonces;
    /** Empty: passwords are the server's own (SCRAM and PLAIN); else only PLAIN, checked by this. */
    private final Optional<PasswordVerifier> directoryPasswords;

    public SaslMechanisms(CredentialLookup credentials, Supplier<String> serverNonces) {
        this(credentials, serverNonces, Optional.empty());
    }

    /**
     * @param directoryPasswords present when users sign in with their directory password: SCRAM
     *                           needs a secret the server keeps, which it cannot know ahead of a
     *                           password change in the directory, so only PLAIN is offered (ADR 0029)
     */
    public SaslMechanisms(CredentialLookup credentials, Supplier<String> serverNonces,
                          Optional<PasswordVerifier> directoryPasswords) {
        this.credentials = credentials;
        this.serverNonces = serverNonces;
        this.directoryPasswords = directoryPasswords;
    }

    public List<String> offered(boolean secure) {
        if (directoryPasswords.isPresent()) {
            return secure ? List.of(PlainMechanism.NAME) : List.of();
        }
        List<String> names = new ArrayList<>(3);
        for (ScramHash h : ScramHash.values()) {
            names.add(h.mechanism());
        }
        if (secure) {
            names.add(PlainMechanism.NAME);
        }
        return names;
    }

    /** A new exchange for {@code name}, or empty when that mechanism is not offered on this stream. */
    public Optional<SaslMechanism> create(String name, boolean secure) {
        if (name == null || !offered(secure).contains(name)) {
            return Optional.empty();
        }
        if (PlainMechanism.NAME.equals(name)) {
            return Optional.of(directoryPasswords.map(passwords -> new PlainMechanism(credentials, passwords))
                    .orElseGet(() -> new PlainMechanism(credentials)));
        }
        for (ScramHash h : ScramHash.values()) {
            if (h.mechanism().equals(name)) {
                return Optional.of(new ScramServerMechanism(h, credentials, serverNonces));
            }
        }
        return Optional.empty();
    }
}
