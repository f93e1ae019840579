package io.switchboard.app.phone;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.app.ui.DirectUi;
import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.model.MessageWaiting;
import io.switchboard.core.service.VoicemailService;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

class VoicemailViewModelTest {

    /** A mailbox whose reports the test makes, as the SIP session does from NOTIFYs. */
    private static final class Mailbox implements VoicemailService {
        final List<MessageWaitingListener> listeners = new CopyOnWriteArrayList<>();
        MessageWaiting state = MessageWaiting.NONE;

        void report(MessageWaiting next) {
            state = next;
            listeners.forEach(l -> l.messageWaitingChanged(next));
        }

        @Override
        public MessageWaiting messageWaiting() {
            return state;
        }

        @Override
        public ListenerRegistration addListener(MessageWaitingListener listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }
    }

    private final Mailbox mailbox = new Mailbox();

    @Test
    void theLampLightsWithTheCountOfNewMessagesAndGoesOutWhenTheyAreHeard() {
        VoicemailViewModel vm = new VoicemailViewModel(Optional.of(mailbox), new DirectUi());
        assertThat(vm.availableProperty().get()).isTrue();
        assertThat(vm.waitingProperty().get()).isFalse();
        assertThat(vm.summaryProperty().get()).isEqualTo("No voice messages");

        mailbox.report(new MessageWaiting(true, 2, 1, 0, 0, Optional.empty()));
        assertThat(vm.waitingProperty().get()).isTrue();
        assertThat(vm.newMessagesProperty().get()).isEqualTo(2);
        assertThat(vm.summaryProperty().get()).isEqualTo("2 new voice messages, 1 old");

        mailbox.report(new MessageWaiting(false, 0, 3, 0, 0, Optional.empty()));
        assertThat(vm.waitingProperty().get()).isFalse();
        assertThat(vm.summaryProperty().get()).isEqualTo("No new voice messages, 3 old");
    }

    @Test
    void urgentMessagesAndAWaitingFlagWithoutCountsAreWorded() {
        assertThat(VoicemailViewModel.summaryOf(new MessageWaiting(true, 1, 0, 1, 0, Optional.empty())))
                .isEqualTo("1 new voice message (1 urgent)");
        assertThat(VoicemailViewModel.summaryOf(new MessageWaiting(true, 0, 0, 0, 0, Optional.empty())))
                .isEqualTo("New voice messages");
    }

    @Test
    void anAccountWithoutAMailboxShowsNoLampAndDisposeStopsListening() {
        VoicemailViewModel none = new VoicemailViewModel(Optional.empty(), new DirectUi());
        assertThat(none.availableProperty().get()).isFalse();

        VoicemailViewModel vm = new VoicemailViewModel(Optional.of(mailbox), new DirectUi());
        vm.dispose();
        assertThat(mailbox.listeners).isEmpty();
    }
}
