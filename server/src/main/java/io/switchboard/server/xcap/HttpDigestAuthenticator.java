package io.switchboard.server.xcap;

import io.switchboard.server.store.StoreException;
import io.switchboard.server.store.UserStore;
import io.switchboard.server.xmpp.sasl.AuthFailureLimiter;
import io.switchboard.sip.auth.DigestChallenge;
import io.switchboard.sip.auth.DigestException;
import io.switchboard.sip.auth.DigestResponse;
import io.switchboard.sip.auth.DigestVerification;
import io.switchboard.sip.auth.DigestVerifier;
import io.switchboard.sip.auth.Ha1;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP Digest authentication (RFC 7616) of XCAP requests with sip-stack's {@link DigestVerifier}
 * against the HA1s the SIP registrar uses: one realm (the domain), one password per user for
 * SIP and XCAP. The digest {@code uri} must be the request-target as sent (RFC 7616 §3.4).
 * Failed attempts count per source address; a source over the limit is refused with 429 before
 * any credential is checked. Thread-safe.
 */
final class HttpDigestAuthenticator {

    /** Who the request is from, or the answer that refuses it. */
    sealed interface Outcome permits Authenticated, Refused {
    }

    /** @param username the local user name, as the store spells it */
    record Authenticated(String username) implements Outcome {
    }

    record Refused(XcapResult result) implements Outcome {
    }

    private static final Logger LOG = LoggerFactory.getLogger(HttpDigestAuthenticator.class);
    private static final String RETRY_AFTER_SECONDS = "60";

    private final DigestVerifier verifier;
    private final UserStore users;
    private final AuthFailureLimiter failures;

    HttpDigestAuthenticator(DigestVerifier verifier, UserStore users, AuthFailureLimiter failures) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.users = Objects.requireNonNull(users, "users");
        this.failures = Objects.requireNonNull(failures, "failures");
    }

    Outcome authenticate(XcapRequest request) {
        if (failures.isBlocked(request.source())) {
            return new Refused(XcapResult.text(429, "too many failed authentications from this address; "
                    + "try again later").withHeader("Retry-After", List.of(RETRY_AFTER_SECONDS)));
        }
        Optional<DigestResponse> credentials;
        try {
            credentials = DigestResponse.forRealm(request.authorizations(), verifier.realm());
        } catch (DigestException e) {
            return new Refused(XcapResult.text(400, "malformed Authorization header: " + e.getMessage()));
        }
        if (credentials.isEmpty()) {
            return challenge(false);
        }
        DigestResponse response = credentials.get();
        if (!request.target().equals(response.uri())) {
            return new Refused(XcapResult.text(400, "the digest uri must be the request-target as sent"));
        }
        Optional<Ha1> stored;
        try {
            stored = users.digestCredential(response.username(), verifier.realm(), response.algorithm());
        } catch (StoreException e) {
            LOG.warn("cannot read the digest credentials of '{}': {}", response.username(), e.getMessage());
            return new Refused(XcapResult.text(500, "the server cannot read its user store"));
        }
        DigestVerification outcome = verifier.verify(response, request.method(), (user, realm, algorithm) -> stored);
        return switch (outcome) {
            case VALID -> new Authenticated(stored.orElseThrow().username());
            case STALE_NONCE -> challenge(true);
            case MALFORMED -> new Refused(XcapResult.text(400, "digest response without qop=auth, nc or cnonce, "
                    + "or with an algorithm not offered"));
            case WRONG_CREDENTIALS -> {
                LOG.info("XCAP {} from {}: wrong credentials for '{}'", request.method(), request.source(),
                        response.username());
                failures.recordFailure(request.source());
                yield challenge(false);
            }
            case INVALID_NONCE, WRONG_REALM -> challenge(false);
        };
    }

    private Outcome challenge(boolean stale) {
        List<String> challenges = verifier.challenges(stale).stream().map(DigestChallenge::toHeaderValue).toList();
        return new Refused(XcapResult.text(401, "authentication required (HTTP Digest, realm " + verifier.realm()
                + ", the SIP password)").withHeader("WWW-Authenticate", challenges));
    }
}
