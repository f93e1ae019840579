package io.switchboard.sip.ua.transaction;

import io.switchboard.sip.ua.SipTransportException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javax.sip.SipException;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Sends one logical request and answers digest challenges on the way (RFC 3261 §22.2): a 401/407 is
 * answered with a new attempt when the credentials sent were not computed from a fresh challenge of
 * this exchange (none, or a cached nonce the server no longer takes) or when the server only
 * declared the nonce stale. A fresh, non-stale challenge after our answer means wrong credentials:
 * that 401/407 is the result. Completes with the final response, whatever its status. Thread-safe.
 */
public final class RequestSender {

    /** First try, answer to a challenge, answer to one stale renewal. */
    static final int MAX_ATTEMPTS = 3;

    private final ClientTransactions transactions;
    private final DigestAuthenticator authenticator;

    public RequestSender(ClientTransactions transactions, DigestAuthenticator authenticator) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    }

    public CompletableFuture<Response> send(OutgoingRequest outgoing) {
        return attempt(outgoing, 1, false);
    }

    private CompletableFuture<Response> attempt(OutgoingRequest outgoing, int number, boolean freshChallenge) {
        Request request;
        try {
            request = outgoing.create();
        } catch (SipException | RuntimeException e) {
            return CompletableFuture.failedFuture(new SipTransportException("cannot build request: " + e.getMessage(), e));
        }
        authenticator.authorize(request);
        return transactions.send(request, outgoing.dialog(), outgoing.hop(), outgoing::sent,
                outgoing::provisional, outgoing.finalTimeout()).thenCompose(response -> {
            int status = response.getStatusCode();
            boolean challenged = status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED;
            if (challenged && number < MAX_ATTEMPTS) {
                DigestAuthenticator.Learned learned = authenticator.learn(response);
                if (learned.answerable() && (!freshChallenge || learned.stale())) {
                    return attempt(outgoing, number + 1, true);
                }
            }
            return CompletableFuture.completedFuture(response);
        });
    }
}
