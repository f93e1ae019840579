package io.switchboard.server.sip.auth;

import io.switchboard.server.sip.transport.IncomingRequest;
import io.switchboard.server.store.StoreException;
import io.switchboard.server.store.UserStore;
import io.switchboard.server.sip.SipUsers;
import io.switchboard.sip.auth.DigestAlgorithm;
import io.switchboard.sip.auth.DigestChallenge;
import io.switchboard.sip.auth.DigestException;
import io.switchboard.sip.auth.DigestResponse;
import io.switchboard.sip.auth.DigestVerification;
import io.switchboard.sip.auth.DigestVerifier;
import io.switchboard.sip.auth.Ha1;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Objects;
import java.util.Optional;
import javax.sip.address.URI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.Header;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Response;
import gov.nist.javax.sip.header.SIPHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Digest authentication of SIP requests (RFC 3261 §22) against the user store's HA1s, with the
 * stateless nonces of {@link DigestVerifier}. As a registrar (REGISTER, PUBLISH, SUBSCRIBE) it
 * challenges with 401/WWW-Authenticate; as a proxy (MESSAGE, INVITE from local users) with
 * 407/Proxy-Authenticate. It answers every request it does not let through.
 *
 * <p>A user who exists but has no digest credential (password set before the server stored
 * them, or under another domain) gets 403 and a log line telling the operator what to do:
 * challenging them again would only loop.
 */
public final class SipDigestAuthenticator {

    /** Which pair of headers and which status to use. */
    public enum Role { REGISTRAR, PROXY }

    private static final Logger LOG = LoggerFactory.getLogger(SipDigestAuthenticator.class);

    private final DigestVerifier verifier;
    private final UserStore users;
    private final SipUsers local;

    public SipDigestAuthenticator(DigestVerifier verifier, UserStore users, SipUsers local) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.users = Objects.requireNonNull(users, "users");
        this.local = Objects.requireNonNull(local, "local");
    }

    /**
     * The authenticated user name (the local part, lower case), or empty after the request has
     * been answered with a challenge, 400, 403 or 500.
     */
    public Optional<String> authenticate(IncomingRequest request, Role role) {
        Optional<DigestResponse> credentials;
        try {
            credentials = credentialsFor(request, role);
        } catch (DigestException e) {
            LOG.debug("malformed credentials in {} from {}: {}", request.method(), request.source(), e.getMessage());
            request.respond(Response.BAD_REQUEST);
            return Optional.empty();
        }
        if (credentials.isEmpty()) {
            challenge(request, role, false);
            return Optional.empty();
        }
        DigestResponse response = credentials.get();
        if (!acceptableUri(request, response.uri())) {
            LOG.debug("digest uri {} does not match the Request-URI of {} from {}", response.uri(),
                    request.method(), request.source());
            request.respond(Response.BAD_REQUEST);
            return Optional.empty();
        }
        Optional<Ha1> stored;
        try {
            stored = users.digestCredential(response.username(), verifier.realm(), response.algorithm());
            if (stored.isEmpty() && users.exists(response.username())
                    && hasNoDigestAtAll(response.username())) {
                LOG.warn("SIP {} from {}: user '{}' has no SIP digest credentials for realm {}; "
                                + "set the password again to enable SIP (switchboard-server user passwd {})",
                        request.method(), request.source(), response.username(), verifier.realm(), response.username());
                request.respond(Response.FORBIDDEN);
                return Optional.empty();
            }
        } catch (StoreException e) {
            LOG.warn("cannot read the digest credentials of '{}': {}", response.username(), e.getMessage());
            request.respond(Response.SERVER_INTERNAL_ERROR);
            return Optional.empty();
        }
        DigestVerification outcome = verifier.verify(response, request.method(),
                (user, realm, algorithm) -> stored);
        switch (outcome) {
            case VALID -> {
                return stored.map(Ha1::username);
            }
            case STALE_NONCE -> challenge(request, role, true);
            case MALFORMED -> request.respond(Response.BAD_REQUEST);
            case WRONG_CREDENTIALS -> {
                LOG.info("SIP {} from {}: wrong credentials for '{}'", request.method(), request.source(),
                        response.username());
                challenge(request, role, false);
            }
            case INVALID_NONCE, WRONG_REALM -> challenge(request, role, false);
        }
        return Optional.empty();
    }

    private boolean hasNoDigestAtAll(String username) throws StoreException {
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            if (users.digestCredential(username, verifier.realm(), algorithm).isPresent()) {
                return false;
            }
        }
        return true;
    }

    /** The response for our realm among the request's Authorization (or Proxy-Authorization) headers. */
    private Optional<DigestResponse> credentialsFor(IncomingRequest request, Role role) throws DigestException {
        String name = role == Role.REGISTRAR ? AuthorizationHeader.NAME : ProxyAuthorizationHeader.NAME;
        ListIterator<?> headers = request.request().getHeaders(name);
        List<String> values = new ArrayList<>();
        while (headers != null && headers.hasNext()) {
            Header header = (Header) headers.next();
            values.add(header instanceof SIPHeader sip ? sip.getHeaderValue() : header.toString());
        }
        return DigestResponse.forRealm(values, verifier.realm());
    }

    /**
     * The digest uri should be the Request-URI (RFC 2617 §3.2.2.5), and anything else addressed
     * elsewhere is refused. A SIP URI of this server itself is accepted too: SIPp computes it from
     * the address it sends to ("sip:127.0.0.1:5060") unless told otherwise, and a Request-URI
     * rewritten on the way (a proxy, a phone's outbound proxy) differs from what the client
     * signed. The response still proves the password, and the nonce still limits replay.
     */
    private boolean acceptableUri(IncomingRequest request, String digestUri) {
        URI requestUri = request.request().getRequestURI();
        if (requestUri.toString().equals(digestUri)) {
            return true;
        }
        try {
            URI signed = request.messaging().addresses().createURI(digestUri);
            return signed.equals(requestUri) || local.isLocalDomain(signed);
        } catch (ParseException e) {
            return false;
        }
    }

    private void challenge(IncomingRequest request, Role role, boolean stale) {
        Response response = request.createResponse(
                role == Role.REGISTRAR ? Response.UNAUTHORIZED : Response.PROXY_AUTHENTICATION_REQUIRED);
        try {
            for (DigestChallenge challenge : verifier.challenges(stale)) {
                String value = challenge.toHeaderValue();
                Header header = role == Role.REGISTRAR
                        ? request.messaging().headers().createHeader(WWWAuthenticateHeader.NAME, value)
                        : request.messaging().headers().createHeader(ProxyAuthenticateHeader.NAME, value);
                response.addHeader(header);
            }
        } catch (ParseException e) {
            throw new IllegalStateException("cannot write our own digest challenge", e);
        }
        // a retransmitted request just gets a new challenge: no transaction kept for 32 s
        request.sendAndForget(response);
    }
}
