package io.switchboard.server.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.server.sip.TestResponses;

import java.util.ArrayList;
import java.util.List;
import javax.sip.ClientTransaction;
import javax.sip.message.Response;

import org.junit.jupiter.api.Test;

class PendingRequestsTest {

    private final List<String> seen = new ArrayList<>();
    private final ResponseHandler handler = new ResponseHandler() {
        @Override
        public void onResponse(ClientTransaction transaction, Response response) {
            seen.add("response " + response.getStatusCode());
        }

        @Override
        public void onTimeout(ClientTransaction transaction) {
            seen.add("timeout");
        }
    };

    @Test
    void aRequestIsPendingUntilItsFinalResponseNotAProvisionalOne() {
        PendingRequests pending = new PendingRequests(2);
        PendingRequests.Tracked tracked = pending.track(handler);

        tracked.onResponse(null, response(Response.RINGING));
        assertThat(pending.pending()).isEqualTo(1);
        tracked.onResponse(null, response(Response.OK));

        assertThat(pending.pending()).isZero();
        assertThat(seen).containsExactly("response 180", "response 200");
    }

    @Test
    void aTimeoutOrTheTransactionsEndReleasesItAndOnlyOnce() {
        PendingRequests pending = new PendingRequests(5);
        PendingRequests.Tracked timedOut = pending.track(handler);
        PendingRequests.Tracked answeredTwice = pending.track(handler);
        pending.track(handler);

        timedOut.onTimeout(null);
        timedOut.release();                         // its transaction ends later: no second release
        answeredTwice.onResponse(null, response(Response.OK));
        answeredTwice.onResponse(null, response(Response.OK));   // a forked INVITE's second 2xx

        assertThat(pending.pending()).isEqualTo(1);
        assertThat(seen).containsExactly("timeout", "response 200", "response 200");
    }

    @Test
    void newRelaysWaitAtTheLimitAndGoOnBelowIt() {
        PendingRequests pending = new PendingRequests(2);
        PendingRequests.Tracked first = pending.track(handler);
        assertThat(pending.saturated()).isFalse();
        pending.track(handler);
        assertThat(pending.saturated()).isTrue();

        first.onResponse(null, response(Response.NOT_FOUND));

        assertThat(pending.saturated()).isFalse();
    }

    @Test
    void theLimitMustBePositive() {
        assertThatThrownBy(() -> new PendingRequests(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Response response(int status) {
        return TestResponses.withStatus(status);
    }
}
