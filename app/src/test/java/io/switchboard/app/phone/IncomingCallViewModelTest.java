package io.switchboard.app.phone;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.Call;
import io.switchboard.core.model.CallEndReason;
import io.switchboard.core.service.NotConnectedException;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class IncomingCallViewModelTest {

    private static final Address CAROL = Address.parse("carol@example.com");
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private final FakeCallService service = new FakeCallService();
    private final Call ringing = Call.ringingHere("in-1", CAROL, T0);
    private final IncomingCallViewModel vm = new IncomingCallViewModel(ringing, "Carol Clark", service);

    @Test
    void showsTheCallerAndAnswers() {
        assertThat(vm.callerNameProperty().get()).isEqualTo("Carol Clark");
        assertThat(vm.callerAddress()).isEqualTo("carol@example.com");
        assertThat(vm.closedProperty().get()).isFalse();

        vm.answer();

        assertThat(service.actions).containsExactly("answer in-1");
        assertThat(vm.closedProperty().get()).isTrue();
        vm.answer();
        assertThat(service.actions).as("once only").hasSize(1);
    }

    @Test
    void declines() {
        vm.decline();

        assertThat(service.actions).containsExactly("decline in-1");
        assertThat(vm.closedProperty().get()).isTrue();
    }

    @Test
    void closesWhenTheCallerGivesUpOrTheCallIsAnsweredElsewhere() {
        vm.update(ringing.ended(CallEndReason.REMOTE_HUNG_UP, ""));
        assertThat(vm.closedProperty().get()).isTrue();

        IncomingCallViewModel other = new IncomingCallViewModel(ringing, "Carol", service);
        other.update(ringing.connected(T0));
        assertThat(other.closedProperty().get()).isTrue();
        assertThat(service.actions).isEmpty();
    }

    @Test
    void aFailedAnswerKeepsTheWindowAndSaysWhy() {
        service.failNextWith(new NotConnectedException("Cannot start the call's audio: no free port"));

        vm.answer();

        assertThat(vm.closedProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo(
                "The call could not be answered: Cannot start the call's audio: no free port");
    }
}
