package io.switchboard.server.xmpp.stream;

import io.netty.handler.ssl.SslContext;
import io.switchboard.server.xmpp.sasl.AuthFailureLimiter;
import io.switchboard.server.xmpp.sasl.SaslMechanisms;
import io.switchboard.server.xmpp.session.StanzaRouter;

import java.util.concurrent.Executor;

/**
 * What every connection's handlers share: settings, TLS, SASL, the rate limiter, the router and
 * the authentication workers. All thread-safe.
 *
 * @param sslContext  null when the server has no certificate (then {@code tlsRequired} must be false)
 * @param authWorkers runs blocking credential lookups and PBKDF2 off the event loops
 */
record C2sDependencies(C2sSettings settings, SslContext sslContext, SaslMechanisms mechanisms,
                       AuthFailureLimiter limiter, StanzaRouter router, Executor authWorkers) {
}
