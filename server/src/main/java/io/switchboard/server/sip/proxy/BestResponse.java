package io.switchboard.server.sip.proxy;

import javax.sip.message.Response;

/**
 * Which of the final responses of a fork's branches goes back upstream when none was 2xx or 6xx
 * (RFC 3261 §16.7 step 6): the lowest class wins (a 3xx over a 4xx over a 5xx), the first received
 * within a class. Not thread-safe: used under the fork's lock.
 */
final class BestResponse {

    private Response best;

    void offer(Response response) {
        if (best == null || rank(response.getStatusCode()) < rank(best.getStatusCode())) {
            best = response;
        }
    }

    /** The chosen response, or null when no branch answered. */
    Response best() {
        return best;
    }

    private static int rank(int status) {
        // 6xx are forwarded at once and never reach here; 408 (our synthesized timeout) loses
        // against every real answer of the same class
        int rank = (status / 100) * 1000;
        return status == Response.REQUEST_TIMEOUT ? rank + 999 : rank;
    }
}
