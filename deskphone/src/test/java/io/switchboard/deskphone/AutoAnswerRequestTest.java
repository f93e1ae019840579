package io.switchboard.deskphone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class AutoAnswerRequestTest {

    @Test
    void answerAfterZeroAsksForAnAnswerAtOnce() {
        assertThat(AutoAnswerRequest.requestedDelay(List.of("<sip:example.com>;answer-after=0"), List.of()))
                .contains(Duration.ZERO);
    }

    @Test
    void answerAfterFiveAsksForAnAnswerAfterFiveSeconds() {
        assertThat(AutoAnswerRequest.requestedDelay(List.of("<sip:example.com>;answer-after=5"), List.of()))
                .contains(Duration.ofSeconds(5));
    }

    @Test
    void parametersAreMatchedWithoutCaseAndBetweenOthers() {
        assertThat(AutoAnswerRequest.requestedDelay(
                List.of("<sip:example.com>;purpose=info ; Answer-After = 3 ;x=y"), List.of()))
                .contains(Duration.ofSeconds(3));
        assertThat(AutoAnswerRequest.requestedDelay(List.of("<http://a/b,c>;purpose=icon, <sip:x>;answer-after=2"),
                List.of())).contains(Duration.ofSeconds(2));
    }

    @Test
    void alertInfoAutoAnswerVariantsAskForAnAnswerAtOnce() {
        assertThat(AutoAnswerRequest.requestedDelay(List.of(), List.of("<http://localhost>;info=alert-autoanswer")))
                .contains(Duration.ZERO);
        assertThat(AutoAnswerRequest.requestedDelay(List.of(), List.of("<http://www.notused.com>;info=auto-answer")))
                .contains(Duration.ZERO);
        assertThat(AutoAnswerRequest.requestedDelay(List.of(), List.of("<sip:x>;INFO=AutoAnswer")))
                .contains(Duration.ZERO);
        assertThat(AutoAnswerRequest.requestedDelay(List.of(), List.of("<http://localhost>;info=\"auto-answer\"")))
                .contains(Duration.ZERO);
    }

    @Test
    void absentOrOtherHeadersDoNotAsk() {
        assertThat(AutoAnswerRequest.requestedDelay(List.of(), List.of())).isEmpty();
        assertThat(AutoAnswerRequest.requestedDelay(null, null)).isEmpty();
        assertThat(AutoAnswerRequest.requestedDelay(List.of("<http://example.com/photo.png>;purpose=icon"),
                List.of("<http://example.com/ring.wav>", "<urn:alert:service:normal>;info=ring"))).isEmpty();
        // the parameter belongs after the URI, not inside it
        assertThat(AutoAnswerRequest.requestedDelay(List.of("<sip:example.com;answer-after=0>"), List.of())).isEmpty();
    }

    @Test
    void malformedOrNegativeDelaysAreIgnoredAndLongOnesCapped() {
        assertThat(AutoAnswerRequest.requestedDelay(List.of("<sip:x>;answer-after=-1"), List.of())).isEmpty();
        assertThat(AutoAnswerRequest.requestedDelay(List.of("<sip:x>;answer-after=soon"), List.of())).isEmpty();
        assertThat(AutoAnswerRequest.requestedDelay(List.of("<sip:x>;answer-after="), List.of())).isEmpty();
        assertThat(AutoAnswerRequest.requestedDelay(List.of("<sip:x>;answer-after=99999999999999"), List.of())).isEmpty();
        assertThat(AutoAnswerRequest.requestedDelay(List.of("<sip:x>;answer-after=86400"), List.of()))
                .contains(AutoAnswerRequest.MAX_DELAY);
        assertThat(AutoAnswerRequest.requestedDelay(List.of("<sip:x>;answer-after=0" + "x".repeat(2000)), List.of()))
                .isEmpty();
    }

    @Test
    void theShortestRequestWins() {
        assertThat(AutoAnswerRequest.requestedDelay(List.of("<sip:x>;answer-after=5"),
                List.of("<http://localhost>;info=alert-autoanswer"))).contains(Duration.ZERO);
    }

    @Test
    void policiesParseFromTheCommandLine() {
        assertThat(AutoAnswerPolicy.parse("when-asked")).isEqualTo(AutoAnswerPolicy.WHEN_ASKED);
        assertThat(AutoAnswerPolicy.parse("ALWAYS")).isEqualTo(AutoAnswerPolicy.ALWAYS);
        assertThat(AutoAnswerPolicy.parse(" never ")).isEqualTo(AutoAnswerPolicy.NEVER);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AutoAnswerPolicy.parse("sometimes"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
