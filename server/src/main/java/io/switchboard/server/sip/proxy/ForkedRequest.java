package io.switchboard.server.sip.proxy;

import io.switchboard.server.sip.transport.IncomingRequest;
import io.switchboard.server.sip.transport.ResponseHandler;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sip.ClientTransaction;
import javax.sip.SipException;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request forked in parallel to every registered contact (RFC 3261 §16.6, §16.7): forwards
 * provisional responses, the first 2xx (later 2xx of an INVITE too, statelessly, so every callee's
 * dialog can be confirmed) and a 6xx at once, cancels the other INVITE branches after a 2xx or
 * 6xx, and otherwise answers with the {@link BestResponse} once every branch is done. Branch
 * timeouts count as 408. Thread-safe: responses of different branches arrive concurrently.
 */
final class ForkedRequest implements ResponseHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ForkedRequest.class);

    private final IncomingRequest upstream;
    private final boolean invite;
    private final Runnable onDone;
    private final java.util.function.Consumer<Response> relayed;
    private final List<ClientTransaction> branches = new CopyOnWriteArrayList<>();
    private final Set<ClientTransaction> finished = new HashSet<>();
    private final Set<ClientTransaction> cancelledBranches = new HashSet<>();
    private final BestResponse best = new BestResponse();
    private int expected;
    private boolean finalSent;
    private boolean cancelled;

    ForkedRequest(IncomingRequest upstream, Runnable onDone) {
        this(upstream, onDone, response -> { });
    }

    /**
     * @param relayed told of each response that goes upstream in the transaction: provisional ones,
     *                the first 2xx (an INVITE's answer: the call is on) and the one final response;
     *                under the fork's lock, so in the order they were sent
     */
    ForkedRequest(IncomingRequest upstream, Runnable onDone, java.util.function.Consumer<Response> relayed) {
        this.upstream = upstream;
        this.invite = Request.INVITE.equals(upstream.method());
        this.onDone = onDone;
        this.relayed = relayed;
    }

    synchronized void expect(int branchCount) {
        this.expected = branchCount;
    }

    /**
     * A branch went out. The branch is known only once its INVITE has been sent, and the callee can
     * ring and the caller CANCEL before that: a branch that starts after the CANCEL is cancelled
     * now (or at its first provisional response, the earliest RFC 3261 9.1 allows).
     */
    synchronized void started(ClientTransaction branch) {
        branches.add(branch);
        if (cancelled) {
            cancelBranch(branch, false);
        }
    }

    /** A branch could not even be sent: it counts as answered with {@code status}. */
    void failedToSend(int status) {
        Response synthetic = upstream.createResponse(status);
        synchronized (this) {
            expected--;
            best.offer(synthetic);
            finishIfComplete();
        }
    }

    @Override
    public void onResponse(ClientTransaction transaction, Response response) {
        int status = response.getStatusCode();
        if (status == Response.TRYING) {
            return; // hop by hop: we sent our own
        }
        Response upstreamResponse = withoutOurVia(response);
        synchronized (this) {
            if (status < 200) {
                if (cancelled && branches.contains(transaction)) {
                    // the CANCEL came before this branch could be cancelled: now it can be
                    cancelBranch(transaction, true);
                } else if (!finalSent) {
                    upstream.send(upstreamResponse);
                    relayed.accept(upstreamResponse);
                }
                return;
            }
            if (!finished.add(transaction)) {
                // a 2xx retransmission for an INVITE branch: forward it, the caller may have missed it
                if (invite && status < 300 && finalSent) {
                    upstream.messaging().sendStateless(upstreamResponse);
                }
                return;
            }
            if (status < 300) {
                if (!finalSent) {
                    finalSent = true;
                    upstream.send(upstreamResponse);
                    relayed.accept(upstreamResponse);
                } else if (invite) {
                    upstream.messaging().sendStateless(upstreamResponse);
                }
                cancelOthers(transaction);
            } else if (status >= 600) {
                if (!finalSent) {
                    finalSent = true;
                    upstream.send(upstreamResponse);
                    relayed.accept(upstreamResponse);
                }
                cancelOthers(transaction);
            } else {
                best.offer(upstreamResponse);
            }
            finishIfComplete();
        }
    }

    @Override
    public void onTimeout(ClientTransaction transaction) {
        synchronized (this) {
            if (!finished.add(transaction)) {
                return;
            }
            best.offer(upstream.createResponse(Response.REQUEST_TIMEOUT));
            finishIfComplete();
        }
    }

    /** The caller CANCELled: cancel every branch still ringing; their 487s end the fork. */
    synchronized void cancel() {
        cancelled = true;
        cancelOthers(null);
    }

    private void finishIfComplete() {
        if (finished.size() < expected) {
            return;
        }
        if (!finalSent) {
            finalSent = true;
            Response chosen = best.best();
            if (chosen == null) {
                chosen = upstream.createResponse(cancelled ? Response.REQUEST_TERMINATED : Response.TEMPORARILY_UNAVAILABLE);
            } else if (chosen.getStatusCode() == Response.SERVICE_UNAVAILABLE) {
                // RFC 3261 §16.7 step 6: a 503 downstream means that server is busy, not this one
                chosen = upstream.createResponse(Response.SERVER_INTERNAL_ERROR);
            }
            upstream.send(chosen);
            relayed.accept(chosen);
        }
        onDone.run();
    }

    private void cancelOthers(ClientTransaction except) {
        if (!invite) {
            return; // only INVITE can be CANCELled (RFC 3261 §9.1)
        }
        for (ClientTransaction branch : branches) {
            if (branch != except) {
                cancelBranch(branch, false);
            }
        }
    }

    /**
     * Sends the branch its CANCEL once: only after a provisional response, and not once it has ended.
     *
     * @param provisionalReceived whether the caller holds a 1xx of this branch in hand
     */
    private void cancelBranch(ClientTransaction branch, boolean provisionalReceived) {
        boolean provisional = provisionalReceived || branch.getState() == javax.sip.TransactionState.PROCEEDING;
        if (!invite || finished.contains(branch) || cancelledBranches.contains(branch) || !provisional) {
            // not provisional yet: its first 1xx cancels it (onResponse); ended: nothing to cancel
            return;
        }
        try {
            Request cancel = branch.createCancel();
            upstream.messaging().send(cancel, new IgnoreResponses());
            cancelledBranches.add(branch);
        } catch (SipException | RuntimeException e) {
            // already over: its final response ends it
            LOG.debug("could not cancel a branch of {}: {}", upstream.method(), e.toString());
        }
    }

    private static Response withoutOurVia(Response response) {
        Response copy = (Response) response.clone();
        copy.removeFirst(ViaHeader.NAME);
        return copy;
    }

    /** CANCEL transactions of branches: their 200 or timeout changes nothing. */
    private static final class IgnoreResponses implements ResponseHandler {
        @Override
        public void onResponse(ClientTransaction transaction, Response response) {
        }

        @Override
        public void onTimeout(ClientTransaction transaction) {
        }
    }
}
