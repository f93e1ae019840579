package io.switchboard.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The server side of SIP digest authentication (RFC 3261 §22, RFC 7616, RFC 8760): issues
 * challenges for one realm and verifies the responses to them against stored {@link Ha1}s.
 *
 * <p>Only {@code qop=auth} responses are accepted — every challenge offers it, and RFC 7616 makes
 * it mandatory. The caller still compares the response's {@code uri} with the Request-URI
 * (RFC 3261 §22.4) and rate-limits failures. Stateless apart from the nonce key; thread-safe.
 */
public final class DigestVerifier {

    private static final Pattern NONCE_COUNT = Pattern.compile("[0-9a-fA-F]{8}");

    private final String realm;
    private final DigestNonces nonces;
    private final List<DigestAlgorithm> algorithms;

    /**
     * @param algorithms the algorithms to offer, most preferred first; RFC 8760 has servers send
     *                   one challenge per algorithm, SHA-256 before MD5
     */
    public DigestVerifier(String realm, DigestNonces nonces, List<DigestAlgorithm> algorithms) {
        this.realm = Objects.requireNonNull(realm, "realm");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        if (algorithms == null || algorithms.isEmpty()) {
            throw new IllegalArgumentException("offer at least one digest algorithm");
        }
        this.algorithms = List.copyOf(algorithms);
    }

    public String realm() {
        return realm;
    }

    /** One challenge per offered algorithm, sharing a fresh nonce, for a 401 or 407. */
    public List<DigestChallenge> challenges(boolean stale) {
        String nonce = nonces.create();
        return algorithms.stream()
                .map(algorithm -> DigestChallenge.withQopAuth(realm, nonce, algorithm, stale))
                .toList();
    }

    /**
     * Checks {@code response} for a request with {@code method}.
     *
     * @param method the SIP method of the request that carried the response
     */
    public DigestVerification verify(DigestResponse response, String method, CredentialLookup credentials) {
        if (!realm.equals(response.realm())) {
            return DigestVerification.WRONG_REALM;
        }
        if (!algorithms.contains(response.algorithm())
                || !DigestChallenge.QOP_AUTH.equals(response.qop())
                || response.cnonce() == null || response.cnonce().isEmpty()
                || response.nonceCount() == null || !NONCE_COUNT.matcher(response.nonceCount()).matches()) {
            return DigestVerification.MALFORMED;
        }
        DigestNonces.State nonceState = nonces.check(response.nonce());
        if (nonceState == DigestNonces.State.INVALID) {
            return DigestVerification.INVALID_NONCE;
        }
        Optional<Ha1> stored = credentials.find(response.username(), realm, response.algorithm());
        if (stored.isEmpty() || !matches(stored.get(), response, method)) {
            return DigestVerification.WRONG_CREDENTIALS;
        }
        // stale=true only for a response that was right: a wrong password must not be told to retry silently
        return nonceState == DigestNonces.State.STALE ? DigestVerification.STALE_NONCE : DigestVerification.VALID;
    }

    private static boolean matches(Ha1 stored, DigestResponse response, String method) {
        if (stored.algorithm() != response.algorithm()) {
            return false;
        }
        String expected = DigestComputation.requestDigest(response.algorithm(), stored.hex(), response.nonce(),
                response.nonceCount(), response.cnonce(), response.qop(), method, response.uri());
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                response.response().getBytes(StandardCharsets.US_ASCII));
    }
}
