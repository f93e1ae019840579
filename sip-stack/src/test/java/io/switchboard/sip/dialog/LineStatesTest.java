package io.switchboard.sip.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.model.LineState;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineStatesTest {

    private static Dialog dialog(String id, DialogDirection direction, DialogState state) {
        return new Dialog(id, "call-" + id, "l", null, direction, DialogStatus.of(state), null, null, null);
    }

    @Test
    void noLiveDialogIsIdle() {
        assertThat(LineStates.of(List.of())).isEqualTo(LineState.IDLE);
        assertThat(LineStates.of(List.of(dialog("a", DialogDirection.RECIPIENT, DialogState.TERMINATED))))
                .isEqualTo(LineState.IDLE);
    }

    @Test
    void aCallToTheLineNotYetAnsweredIsRinging() {
        for (DialogState ringing : List.of(DialogState.TRYING, DialogState.PROCEEDING, DialogState.EARLY)) {
            assertThat(LineStates.of(List.of(dialog("a", DialogDirection.RECIPIENT, ringing))))
                    .as(ringing.token()).isEqualTo(LineState.RINGING);
        }
    }

    @Test
    void anAnsweredCallOrOneTheLinePlacesIsBusy() {
        assertThat(LineStates.of(List.of(dialog("a", DialogDirection.RECIPIENT, DialogState.CONFIRMED))))
                .isEqualTo(LineState.BUSY);
        assertThat(LineStates.of(List.of(dialog("a", DialogDirection.INITIATOR, DialogState.EARLY))))
                .isEqualTo(LineState.BUSY);
        assertThat(LineStates.of(List.of(dialog("a", null, DialogState.CONFIRMED)))).isEqualTo(LineState.BUSY);
    }

    @Test
    void aSecondCallRingingWinsOverBusy() {
        assertThat(LineStates.of(List.of(dialog("a", DialogDirection.INITIATOR, DialogState.CONFIRMED),
                dialog("b", DialogDirection.RECIPIENT, DialogState.EARLY)))).isEqualTo(LineState.RINGING);
    }
}
