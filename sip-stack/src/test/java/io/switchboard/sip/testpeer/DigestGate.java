package io.switchboard.sip.testpeer;

import io.switchboard.sip.auth.CredentialLookup;
import io.switchboard.sip.auth.DigestAlgorithm;
import io.switchboard.sip.auth.DigestChallenge;
import io.switchboard.sip.auth.DigestException;
import io.switchboard.sip.auth.DigestNonces;
import io.switchboard.sip.auth.DigestResponse;
import io.switchboard.sip.auth.DigestVerification;
import io.switchboard.sip.auth.DigestVerifier;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The peer's digest check, built on the production {@link DigestVerifier}: out-of-dialog requests
 * without valid credentials get a 401 with one challenge per offered algorithm (stale=true for a
 * right answer on an aged nonce). Nonces age on a {@link TestClock}.
 */
final class DigestGate {

    static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);

    private final DigestVerifier verifier;
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final AtomicInteger challengesSent = new AtomicInteger();
    private final AtomicInteger staleChallengesSent = new AtomicInteger();
    private volatile boolean enabled = true;

    DigestGate(String realm, List<DigestAlgorithm> algorithms, TestClock clock) {
        this.verifier = new DigestVerifier(realm, DigestNonces.withRandomSecret(clock, NONCE_LIFETIME), algorithms);
    }

    void addUser(String user, String password) {
        passwords.put(user, password);
    }

    void setEnabled(boolean value) {
        enabled = value;
    }

    int challengesSent() {
        return challengesSent.get();
    }

    int staleChallengesSent() {
        return staleChallengesSent.get();
    }

    /** Null when the request may pass, otherwise the 401 to send. */
    Response check(Request request, HeaderFactory headers, ResponseMaker responses) throws ParseException {
        boolean inDialog = ((javax.sip.header.ToHeader) request.getHeader("To")).getTag() != null;
        if (!enabled || inDialog) {
            return null;
        }
        Header authorization = request.getHeader(AuthorizationHeader.NAME);
        boolean stale = false;
        if (authorization != null) {
            try {
                String value = authorization.toString();
                DigestResponse response = DigestResponse.parse(value.substring(value.indexOf(':') + 1).strip());
                CredentialLookup lookup = (user, realm, algorithm) -> passwords.containsKey(user)
                        ? java.util.Optional.of(io.switchboard.sip.auth.Ha1.compute(algorithm, user, realm, passwords.get(user)))
                        : java.util.Optional.empty();
                DigestVerification verification = verifier.verify(response, request.getMethod(), lookup);
                if (verification.isValid() && response.uri().equals(request.getRequestURI().toString())) {
                    return null;
                }
                stale = verification == DigestVerification.STALE_NONCE;
            } catch (DigestException e) {
                return responses.make(Response.BAD_REQUEST);
            }
        }
        Response challenge = responses.make(Response.UNAUTHORIZED);
        for (DigestChallenge offer : verifier.challenges(stale)) {
            challenge.addHeader(headers.createHeader(WWWAuthenticateHeader.NAME, offer.toHeaderValue()));
        }
        challengesSent.incrementAndGet();
        if (stale) {
            staleChallengesSent.incrementAndGet();
        }
        return challenge;
    }

    @FunctionalInterface
    interface ResponseMaker {
        Response make(int status) throws ParseException;
    }
}
