package io.switchboard.server.sip.proxy;

import io.switchboard.server.sip.SipUsers;
import io.switchboard.server.sip.auth.SipDigestAuthenticator;
import io.switchboard.server.sip.registrar.Binding;
import io.switchboard.server.sip.registrar.LocationService;
import io.switchboard.server.sip.transport.IncomingRequest;
import io.switchboard.server.sip.transport.RequestProcessor;
import io.switchboard.server.store.StoreException;
import io.switchboard.server.store.UserStore;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy for requests to local users (INVITE, OPTIONS to a user, BYE that comes our way, ...):
 * a sender claiming a local address must prove it with digest (407), the target must be a local
 * user (no open relay: other domains get 403), and the request is forked to every registered
 * contact — 404 for an unknown user, 480 when nobody is registered. The server's own user agents
 * ({@link TrustedSources}) need no digest.
 */
public final class ProxyProcessor implements RequestProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyProcessor.class);
    /** An anchor is a binding only for the one request it routes. */
    private static final Duration ANCHOR_VALIDITY = Duration.ofMinutes(1);

    private final SipUsers sipUsers;
    private final UserStore users;
    private final SipDigestAuthenticator authenticator;
    private final LocationService locations;
    private final Forker forker;
    private final TrustedSources trusted;
    private volatile CallAnchor anchor = CallAnchor.NONE;

    public ProxyProcessor(SipUsers sipUsers, UserStore users, SipDigestAuthenticator authenticator,
                          LocationService locations, Forker forker) {
        this(sipUsers, users, authenticator, locations, forker, new TrustedSources());
    }

    /** @param trusted the server's own user agents, whose requests need no digest */
    public ProxyProcessor(SipUsers sipUsers, UserStore users, SipDigestAuthenticator authenticator,
                          LocationService locations, Forker forker, TrustedSources trusted) {
        this.trusted = Objects.requireNonNull(trusted, "trusted");
        this.sipUsers = Objects.requireNonNull(sipUsers, "sipUsers");
        this.users = Objects.requireNonNull(users, "users");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.locations = Objects.requireNonNull(locations, "locations");
        this.forker = Objects.requireNonNull(forker, "forker");
    }

    @Override
    public void process(IncomingRequest in) {
        Optional<String> target = localTarget(in);
        if (target.isEmpty() || !senderVerified(in)) {
            return;
        }
        Optional<Binding> anchored = anchored(in, target.get());
        if (anchored.isPresent()) {
            forker.fork(in, List.of(anchored.get()));
            return;
        }
        List<Binding> bindings = locations.bindings(target.get());
        if (bindings.isEmpty()) {
            in.respond(Response.TEMPORARILY_UNAVAILABLE);
            return;
        }
        forker.fork(in, bindings);
    }

    /** From now on new calls go where {@code anchor} says, when it names a place. */
    public void anchorCallsWith(CallAnchor anchor) {
        this.anchor = Objects.requireNonNull(anchor, "anchor");
    }

    /**
     * Where a new call from outside the server goes instead of the target's phones. The server's
     * own user agents are never anchored: the gateway calling a desk phone must reach the phone.
     */
    private Optional<Binding> anchored(IncomingRequest in, String target) {
        ToHeader to = (ToHeader) in.request().getHeader(ToHeader.NAME);
        if (!Request.INVITE.equals(in.method()) || to.getTag() != null || trusted.isTrusted(in.source())) {
            return Optional.empty();
        }
        return anchor.anchorFor(target).map(contact -> {
            LOG.debug("call {} to {} anchored at {}", OurRoute.callId(in.request()), target, contact);
            return new Binding(contact, 1.0f, Instant.now().plus(ANCHOR_VALIDITY), "anchor", 0);
        });
    }

    /**
     * The local user the Request-URI names, known to the store; empty after answering 403 (another
     * domain), 404 (no such user) or 500.
     */
    public Optional<String> localTarget(IncomingRequest in) {
        if (!sipUsers.isLocalDomain(in.request().getRequestURI())) {
            LOG.debug("{} from {} for {}: not our domain, no relaying", in.method(), in.source(),
                    in.request().getRequestURI());
            in.respond(Response.FORBIDDEN);
            return Optional.empty();
        }
        Optional<String> user = sipUsers.localUser(in.request().getRequestURI());
        try {
            if (user.isEmpty() || !users.exists(user.get())) {
                in.respond(Response.NOT_FOUND);
                return Optional.empty();
            }
        } catch (StoreException e) {
            LOG.warn("cannot look up {}: {}", user.get(), e.getMessage());
            in.respond(Response.SERVER_INTERNAL_ERROR);
            return Optional.empty();
        }
        return user;
    }

    /**
     * True when the sender may send this: a From in our domain must be the authenticated user
     * (else the request is answered 407 or 403). A foreign From cannot be checked and is let through.
     */
    public boolean senderVerified(IncomingRequest in) {
        FromHeader from = (FromHeader) in.request().getHeader(FromHeader.NAME);
        if (!sipUsers.isLocalDomain(from.getAddress().getURI()) || trusted.isTrusted(in.source())) {
            return true;
        }
        Optional<String> authenticated = authenticator.authenticate(in, SipDigestAuthenticator.Role.PROXY);
        if (authenticated.isEmpty()) {
            return false;
        }
        Optional<String> claimed = sipUsers.localUser(from.getAddress().getURI());
        if (claimed.isEmpty() || !claimed.get().equals(authenticated.get())) {
            LOG.info("{} sent {} as {} from {}", authenticated.get(), in.method(), claimed.orElse("?"), in.source());
            in.respond(Response.FORBIDDEN);
            return false;
        }
        return true;
    }
}
