package io.switchboard.sip.ua;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 5057 §5.1's sorting of failures to a request inside a dialog. */
class SipResponsesTest {

    @ParameterizedTest
    @ValueSource(ints = {404, 405, 410, 416, 481, 482, 483, 484, 485, 489, 501, 502, 604})
    void theseEndTheUsageOrTheDialog(int status) {
        assertThat(SipResponses.endsTheUsage(status)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 408, 415, 480, 486, 488, 491, 500, 503, 603})
    void theseConcernTheOneTransaction(int status) {
        assertThat(SipResponses.endsTheUsage(status)).isFalse();
    }
}
