package io.switchboard.app.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Call;
import io.switchboard.core.service.CallService;
import io.switchboard.core.service.ServiceException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Which phone the UI's call actions reach, in each mode. */
class SwitchableCallServiceTest {

    private final Phone softphone = new Phone("soft");
    private final Phone deskPhone = new Phone("desk");
    private final SwitchableCallService calls = new SwitchableCallService(softphone);
    private final List<Call> heard = new CopyOnWriteArrayList<>();

    @Test
    void inDeskPhoneModeNewCallsGoToTheDeskPhoneButACallRingingTheSoftphoneStillShowsAndIsAnsweredThere()
            throws Exception {
        calls.addListener(heard::add);
        calls.use(deskPhone, Optional.of("1001"));

        calls.dial(Address.of("bob", "example.com"));
        Call ringingSoftphone = softphone.ring("soft-1");
        calls.answer("soft-1");
        calls.hangUp("desk-1");

        assertThat(deskPhone.did).containsExactly("dial bob@example.com", "hangUp desk-1");
        assertThat(softphone.did).containsExactly("answer soft-1");
        assertThat(heard).contains(ringingSoftphone);
        assertThat(calls.calls()).extracting(Call::id).containsExactlyInAnyOrder("soft-1", "desk-1");
    }

    @Test
    void afterSwitchingBackTheDeskPhoneIsNoLongerHeard() {
        calls.addListener(heard::add);
        calls.use(deskPhone, Optional.of("1001"));
        calls.use(softphone, Optional.empty());

        deskPhone.ring("desk-9");
        Call soft = softphone.ring("soft-2");

        assertThat(heard).containsExactly(soft);
        assertThat(calls.deskLine()).isEmpty();
    }

    @Test
    void callsOnTwoPhonesCannotBeTransferredToEachOther() {
        calls.use(deskPhone, Optional.of("1001"));
        softphone.ring("soft-1");
        deskPhone.ring("desk-1");

        assertThatThrownBy(() -> calls.transfer("soft-1", "desk-1")).isInstanceOf(ServiceException.class)
                .hasMessageContaining("different phones");
    }

    /** A phone that records what it was asked and rings when told. */
    private static final class Phone implements CallService {
        final List<String> did = new ArrayList<>();
        final List<Call> live = new CopyOnWriteArrayList<>();
        final List<CallListener> listeners = new CopyOnWriteArrayList<>();
        private final String name;

        Phone(String name) {
            this.name = name;
        }

        Call ring(String id) {
            Call call = Call.ringingHere(id, Address.of("carol", "example.com"), Instant.EPOCH);
            live.add(call);
            listeners.forEach(l -> l.callChanged(call));
            return call;
        }

        @Override
        public Call dial(Address who) {
            did.add("dial " + who);
            Call call = Call.placed(name + "-1", who, Instant.EPOCH);
            live.add(call);
            return call;
        }

        @Override
        public void answer(String callId) {
            did.add("answer " + callId);
        }

        @Override
        public void decline(String callId) {
            did.add("decline " + callId);
        }

        @Override
        public void hangUp(String callId) {
            did.add("hangUp " + callId);
        }

        @Override
        public void hold(String callId, boolean onHold) {
            did.add("hold " + callId);
        }

        @Override
        public void mute(String callId, boolean muted) {
            did.add("mute " + callId);
        }

        @Override
        public void transfer(String callId, Address target) {
            did.add("transfer " + callId);
        }

        @Override
        public void transfer(String callId, String consultationCallId) {
            did.add("transfer " + callId + " " + consultationCallId);
        }

        @Override
        public void sendDtmf(String callId, char digit) {
            did.add("dtmf " + callId);
        }

        @Override
        public List<Call> calls() {
            return List.copyOf(live);
        }

        @Override
        public ListenerRegistration addListener(CallListener listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }
    }
}
