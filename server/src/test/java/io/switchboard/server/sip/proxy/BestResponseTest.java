package io.switchboard.server.sip.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.server.sip.TestResponses;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;

class BestResponseTest {

    private static Response response(int status) {
        return TestResponses.withStatus(status);
    }

    @Test
    void theLowestClassWinsAndTheFirstWithinAClass() {
        BestResponse best = new BestResponse();
        Response busy = response(Response.BUSY_HERE);
        best.offer(response(Response.SERVER_INTERNAL_ERROR));
        best.offer(busy);
        best.offer(response(Response.NOT_FOUND));

        assertThat(best.best()).isSameAs(busy);

        best.offer(response(Response.MOVED_TEMPORARILY));
        assertThat(best.best().getStatusCode()).isEqualTo(Response.MOVED_TEMPORARILY);
    }

    @Test
    void ourOwnTimeoutLosesAgainstARealAnswerOfItsClass() {
        BestResponse best = new BestResponse();
        best.offer(response(Response.REQUEST_TIMEOUT));
        best.offer(response(Response.TEMPORARILY_UNAVAILABLE));

        assertThat(best.best().getStatusCode()).isEqualTo(Response.TEMPORARILY_UNAVAILABLE);
        assertThat(new BestResponse().best()).isNull();
    }
}
