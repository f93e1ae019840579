package io.switchboard.sip.ua.transaction;

import io.switchboard.sip.auth.DigestAlgorithm;
import io.switchboard.sip.auth.DigestChallenge;
import io.switchboard.sip.auth.DigestCredentials;
import io.switchboard.sip.auth.DigestException;
import io.switchboard.sip.auth.DigestResponder;
import io.switchboard.sip.auth.DigestResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.ListIterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's digest state over JAIN-SIP messages: learns the challenges of 401/407 responses
 * (SHA-256 preferred over MD5 when a server offers both, RFC 8760), keeps the last one per realm
 * with its nonce count, and adds Authorization / Proxy-Authorization to later requests so that
 * refreshes need no new round trip while the nonce lasts. The digest itself is computed by
 * {@link DigestResponder}. Thread-safe.
 */
public final class DigestAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(DigestAuthenticator.class);
    private static final RateLimitedLog BAD_CHALLENGES = new RateLimitedLog(LOG, Duration.ofSeconds(10));

    /** What a 401/407 taught: whether it can be answered, and whether it only renewed the nonce. */
    public record Learned(boolean answerable, boolean stale) {
    }

    /** Far more protection spaces than a client meets (one per proxy chain); bounds hostile input. */
    static final int MAX_REALMS = 4;

    private record Cached(DigestChallenge challenge, boolean proxy, AtomicLong nonceCount) {
    }

    private final DigestCredentials credentials;
    private final DigestResponder responder;
    private final HeaderFactory headers;
    private final Map<String, Cached> byRealm = new ConcurrentHashMap<>();

    public DigestAuthenticator(DigestCredentials credentials, DigestResponder responder, HeaderFactory headers) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.responder = Objects.requireNonNull(responder, "responder");
        this.headers = Objects.requireNonNull(headers, "headers");
    }

    /** Adds credentials for every realm with a known challenge; true when at least one was added. */
    public boolean authorize(Request request) {
        request.removeHeader(AuthorizationHeader.NAME);
        request.removeHeader(ProxyAuthorizationHeader.NAME);
        boolean added = false;
        String uri = request.getRequestURI().toString();
        for (Cached cached : byRealm.values()) {
            try {
                DigestResponse response = responder.respond(cached.challenge(), credentials, request.getMethod(), uri,
                        cached.nonceCount().incrementAndGet());
                String name = cached.proxy() ? ProxyAuthorizationHeader.NAME : AuthorizationHeader.NAME;
                request.addHeader(headers.createHeader(name, response.toHeaderValue()));
                added = true;
            } catch (DigestException | ParseException e) {
                LOG.debug("cannot answer the challenge of realm {}: {}", cached.challenge().realm(), e.getMessage());
            }
        }
        return added;
    }

    /** Reads the challenges of a 401 or 407 and remembers the best one per realm. */
    public Learned learn(Response response) {
        boolean proxy = response.getStatusCode() == Response.PROXY_AUTHENTICATION_REQUIRED;
        String name = proxy ? ProxyAuthenticateHeader.NAME : WWWAuthenticateHeader.NAME;
        Map<String, DigestChallenge> best = new java.util.HashMap<>();
        ListIterator<?> values = response.getHeaders(name);
        while (values.hasNext()) {
            parse((Header) values.next()).ifPresent(challenge -> best.merge(challenge.realm(), challenge,
                    (a, b) -> rank(b.algorithm()) < rank(a.algorithm()) ? b : a));
        }
        boolean stale = false;
        for (DigestChallenge challenge : best.values()) {
            if (byRealm.size() >= MAX_REALMS && !byRealm.containsKey(challenge.realm())) {
                // a server inventing realms must not grow our state (or our requests) without bound
                BAD_CHALLENGES.warn("digest challenge for a further realm ignored: {}", challenge.realm());
                continue;
            }
            byRealm.put(challenge.realm(), new Cached(challenge, proxy, new AtomicLong()));
            stale |= challenge.stale();
        }
        return new Learned(best.keySet().stream().anyMatch(byRealm::containsKey), stale);
    }

    /** Forgets every challenge, e.g. after sign-out. */
    public void clear() {
        byRealm.clear();
    }

    private static Optional<DigestChallenge> parse(Header header) {
        String text = header.toString();
        int colon = text.indexOf(':');
        try {
            return Optional.of(DigestChallenge.parse(text.substring(colon + 1).strip()));
        } catch (DigestException e) {
            BAD_CHALLENGES.warn("digest challenge ignored: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** Lower is preferred. */
    private static int rank(DigestAlgorithm algorithm) {
        return algorithm == DigestAlgorithm.SHA_256 ? 0 : 1;
    }
}
