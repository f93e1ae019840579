package io.switchboard.server.sip.transport;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's own requests (relayed MESSAGEs and INVITEs, the gateway's MESSAGEs, NOTIFYs) that
 * have no final response yet, and the bound on them. A request to a contact that is gone stays
 * pending for Timer F (32 s) with its transaction and the sender's: a flood of MESSAGEs to dead
 * contacts once filled a 512 MB heap this way (docs/benchmarks.md). Over the bound, new relays
 * are refused with 503 and Retry-After (RFC 3261 §21.5.4) before they cost anything; requests
 * already pending, in-dialog requests and NOTIFYs go on. Thread-safe.
 */
public final class PendingRequests {

    private static final Logger LOG = LoggerFactory.getLogger(PendingRequests.class);
    /** How long a refused sender should wait: about what a request to a dead contact stays pending. */
    static final int RETRY_AFTER_SECONDS = 30;

    private final int limit;
    private final AtomicInteger pending = new AtomicInteger();
    /** Below this many, an episode of refusals is over (for the log only). */
    private final int quietBelow;
    private final AtomicBoolean refusing = new AtomicBoolean();

    /** @param limit most requests pending at once before new relays are refused; at least 1 */
    public PendingRequests(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        this.limit = limit;
        this.quietBelow = limit - limit / 10;
    }

    /** Whether new relays should be refused now. */
    public boolean saturated() {
        int now = pending.get();
        if (now >= limit) {
            if (refusing.compareAndSet(false, true)) {
                LOG.warn("{} SIP requests of ours have no final response yet (contacts gone?): new relays are "
                        + "refused with 503 until some end", limit);
            }
            return true;
        }
        // told once per episode, not at every crossing of the limit while it hovers there
        if (now < quietBelow && refusing.compareAndSet(true, false)) {
            LOG.info("SIP relaying normally again: {} requests pending, the limit is {}", now, limit);
        }
        return false;
    }

    /** Answers {@code in} 503 with Retry-After: the server has too many requests pending. */
    public void refuse(IncomingRequest in) {
        Response response = in.createResponse(Response.SERVICE_UNAVAILABLE);
        try {
            response.setHeader(in.messaging().headers().createRetryAfterHeader(RETRY_AFTER_SECONDS));
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
        LOG.debug("{} from {} refused: {} requests pending", in.method(), in.source(), pending.get());
        // a retransmission may just as well be refused again: nothing kept for 32 s per refusal
        in.sendAndForget(response);
    }

    /** Requests pending now, for tests and diagnostics. */
    public int pending() {
        return pending.get();
    }

    /**
     * {@code handler}, counted as pending from now until its final response, its timeout or the end of
     * its transaction, whichever comes first; {@link Tracked#release()} when the request could not be sent.
     */
    Tracked track(ResponseHandler handler) {
        pending.incrementAndGet();
        return new Tracked(handler);
    }

    /** A client transaction's handler that releases its place once. */
    final class Tracked implements ResponseHandler {

        private final ResponseHandler handler;
        private final AtomicBoolean released = new AtomicBoolean();

        private Tracked(ResponseHandler handler) {
            this.handler = handler;
        }

        @Override
        public void onResponse(ClientTransaction transaction, Response response) {
            if (response.getStatusCode() >= 200) {
                release();
            }
            handler.onResponse(transaction, response);
        }

        @Override
        public void onTimeout(ClientTransaction transaction) {
            release();
            handler.onTimeout(transaction);
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                pending.decrementAndGet();
            }
        }
    }
}
