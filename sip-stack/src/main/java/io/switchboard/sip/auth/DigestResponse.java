package io.switchboard.sip.auth;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A digest response: the value of an Authorization or Proxy-Authorization header
 * (RFC 3261 §22.2, §25.1; RFC 7616 §3.4). Immutable; parse with {@link #parse(String)}, write with
 * {@link #toHeaderValue()}. {@code qop}, {@code cnonce} and {@code nonceCount} are null in an
 * RFC 2069-style response to a challenge without qop.
 *
 * @param nonceCount the {@code nc} value as sent: eight hex digits
 */
public record DigestResponse(String username, String realm, String nonce, String uri, String response,
                             DigestAlgorithm algorithm, String qop, String cnonce, String nonceCount,
                             String opaque) {

    public DigestResponse {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(algorithm, "algorithm");
    }

    /**
     * Parses an Authorization header value.
     *
     * @throws DigestException when it is malformed or lacks username, realm, nonce, uri or response,
     *                         or names an unsupported algorithm
     */
    public static DigestResponse parse(String headerValue) throws DigestException {
        Map<String, String> parameters = DigestParameters.parse(headerValue);
        String qop = parameters.get("qop");
        return new DigestResponse(
                DigestParameters.require(parameters, "username"),
                DigestParameters.require(parameters, "realm"),
                DigestParameters.require(parameters, "nonce"),
                DigestParameters.require(parameters, "uri"),
                DigestParameters.require(parameters, "response").toLowerCase(Locale.ROOT),
                DigestAlgorithm.fromToken(parameters.get("algorithm")),
                qop == null ? null : qop.toLowerCase(Locale.ROOT),
                parameters.get("cnonce"),
                parameters.get("nc"),
                parameters.get("opaque"));
    }

    /**
     * The response for {@code realm} among the values of a request's Authorization (or
     * Proxy-Authorization) headers: a request may carry credentials for several realms (RFC 3261
     * §22.3), and values of other schemes (Basic) are not ours to judge.
     *
     * @throws DigestException when none is for the realm and a digest value was malformed: the
     *                         first such problem, so the sender learns what was wrong
     */
    public static Optional<DigestResponse> forRealm(Iterable<String> headerValues, String realm)
            throws DigestException {
        DigestException firstProblem = null;
        for (String value : headerValues) {
            if (!value.regionMatches(true, 0, "Digest", 0, 6)) {
                continue;
            }
            try {
                DigestResponse response = parse(value);
                if (realm.equals(response.realm())) {
                    return Optional.of(response);
                }
            } catch (DigestException e) {
                firstProblem = firstProblem == null ? e : firstProblem;
            }
        }
        if (firstProblem != null) {
            throw firstProblem;
        }
        return Optional.empty();
    }

    public String toHeaderValue() {
        StringBuilder out = DigestParameters.header();
        DigestParameters.appendQuoted(out, "username", username);
        DigestParameters.appendQuoted(out, "realm", realm);
        DigestParameters.appendQuoted(out, "nonce", nonce);
        DigestParameters.appendQuoted(out, "uri", uri);
        DigestParameters.appendQuoted(out, "response", response);
        DigestParameters.appendToken(out, "algorithm", algorithm.token());
        DigestParameters.appendToken(out, "qop", qop);
        DigestParameters.appendQuoted(out, "cnonce", cnonce);
        DigestParameters.appendToken(out, "nc", nonceCount);
        DigestParameters.appendQuoted(out, "opaque", opaque);
        return out.toString();
    }
}
