package io.switchboard.sip.auth;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A digest challenge: the value of a WWW-Authenticate or Proxy-Authenticate header
 * (RFC 3261 §22.1, §25.1; RFC 7616 §3.3). Immutable; parse with {@link #parse(String)}, write with
 * {@link #toHeaderValue()}.
 *
 * @param realm         the protection space, usually the SIP domain
 * @param nonce         the server's nonce
 * @param opaque        data the client must echo, or null
 * @param algorithm     the hash algorithm
 * @param qopOptions    the offered quality-of-protection values in lower case ("auth", "auth-int");
 *                      empty for an RFC 2069 challenge
 * @param stale         true when the previous response was right but its nonce had expired
 */
public record DigestChallenge(String realm, String nonce, String opaque, DigestAlgorithm algorithm,
                              Set<String> qopOptions, boolean stale) {

    public static final String QOP_AUTH = "auth";

    public DigestChallenge {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(algorithm, "algorithm");
        qopOptions = Set.copyOf(qopOptions == null ? Set.of() : qopOptions);
    }

    /**
     * Parses a challenge header value such as
     * {@code Digest realm="atlanta.com", nonce="84a4cc6f", qop="auth", algorithm=SHA-256}.
     *
     * @throws DigestException when it is not a Digest challenge, lacks realm or nonce, is malformed,
     *                         or names an unsupported algorithm
     */
    public static DigestChallenge parse(String headerValue) throws DigestException {
        Map<String, String> parameters = DigestParameters.parse(headerValue);
        Set<String> qop = parameters.containsKey("qop")
                ? Arrays.stream(parameters.get("qop").split(","))
                        .map(String::strip)
                        .filter(option -> !option.isEmpty())
                        .map(option -> option.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toCollection(LinkedHashSet::new))
                : Set.of();
        return new DigestChallenge(
                DigestParameters.require(parameters, "realm"),
                DigestParameters.require(parameters, "nonce"),
                parameters.get("opaque"),
                DigestAlgorithm.fromToken(parameters.get("algorithm")),
                qop,
                "true".equalsIgnoreCase(parameters.get("stale")));
    }

    /** A challenge offering {@code qop=auth}, what {@link DigestVerifier} sends. */
    public static DigestChallenge withQopAuth(String realm, String nonce, DigestAlgorithm algorithm, boolean stale) {
        return new DigestChallenge(realm, nonce, null, algorithm, Set.of(QOP_AUTH), stale);
    }

    public boolean offersQopAuth() {
        return qopOptions.contains(QOP_AUTH);
    }

    public String toHeaderValue() {
        StringBuilder out = DigestParameters.header();
        DigestParameters.appendQuoted(out, "realm", realm);
        DigestParameters.appendQuoted(out, "nonce", nonce);
        DigestParameters.appendQuoted(out, "opaque", opaque);
        DigestParameters.appendToken(out, "algorithm", algorithm.token());
        if (!qopOptions.isEmpty()) {
            DigestParameters.appendQuoted(out, "qop", String.join(",", qopOptions.stream().sorted().toList()));
        }
        if (stale) {
            DigestParameters.appendToken(out, "stale", "true");
        }
        return out.toString();
    }
}
