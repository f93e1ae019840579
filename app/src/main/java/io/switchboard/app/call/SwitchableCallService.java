package io.switchboard.app.call;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Call;
import io.switchboard.core.model.CallStatistics;
import io.switchboard.core.service.CallService;
import io.switchboard.core.service.ServiceException;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one {@link CallService} the UI knows, passing everything to the phone in use now: the
 * softphone or the desk phone ({@link io.switchboard.sip.cti.DeskPhoneCalls}). The listeners stay
 * registered here across a switch, so the call windows, dialer and history need not know that the
 * phone changed. Switching with calls in progress is refused by {@link CallModes}: a call stays on
 * the phone it began on.
 */
public final class SwitchableCallService implements CallService {

    /** The phone in use and what the UI should say about it. */
    private record Current(CallService calls, Optional<String> deskLine, ListenerRegistration forwarding) {
    }

    private final List<CallListener> listeners = new CopyOnWriteArrayList<>();
    private final CallListener forwarder = new CallListener() {
        @Override
        public void callChanged(Call call) {
            listeners.forEach(l -> l.callChanged(call));
        }

        @Override
        public void transferFailed(String callId, String reason) {
            listeners.forEach(l -> l.transferFailed(callId, reason));
        }

        @Override
        public void requestFailed(String callId, String reason) {
            listeners.forEach(l -> l.requestFailed(callId, reason));
        }

        @Override
        public void dtmfReceived(String callId, char digit) {
            listeners.forEach(l -> l.dtmfReceived(callId, digit));
        }
    };
    private volatile Current current;

    /** Starts on {@code initial}, the softphone. */
    public SwitchableCallService(CallService initial) {
        current = new Current(Objects.requireNonNull(initial, "initial"), Optional.empty(), initial.addListener(forwarder));
    }

    /**
     * Uses {@code next} from now on; {@code deskLine} names the desk line it drives, empty for the
     * softphone. Returns the phone used until now, which its owner closes if it is done with it.
     */
    public synchronized CallService use(CallService next, Optional<String> deskLine) {
        Objects.requireNonNull(next, "next");
        Current previous = current;
        previous.forwarding().close();
        current = new Current(next, Objects.requireNonNull(deskLine, "deskLine"), next.addListener(forwarder));
        return previous.calls();
    }

    /** The desk line the calls use now ("1001"), or empty for the softphone. */
    public Optional<String> deskLine() {
        return current.deskLine();
    }

    /** The phone in use now. */
    public CallService inUse() {
        return current.calls();
    }

    @Override
    public Call dial(Address who) throws ServiceException {
        return inUse().dial(who);
    }

    @Override
    public void answer(String callId) throws ServiceException {
        inUse().answer(callId);
    }

    @Override
    public void decline(String callId) {
        inUse().decline(callId);
    }

    @Override
    public void hangUp(String callId) {
        inUse().hangUp(callId);
    }

    @Override
    public void hold(String callId, boolean onHold) throws ServiceException {
        inUse().hold(callId, onHold);
    }

    @Override
    public void mute(String callId, boolean muted) {
        inUse().mute(callId, muted);
    }

    @Override
    public void transfer(String callId, Address target) throws ServiceException {
        inUse().transfer(callId, target);
    }

    @Override
    public void transfer(String callId, String consultationCallId) throws ServiceException {
        inUse().transfer(callId, consultationCallId);
    }

    @Override
    public void sendDtmf(String callId, char digit) throws ServiceException {
        inUse().sendDtmf(callId, digit);
    }

    @Override
    public List<Call> calls() {
        return inUse().calls();
    }

    @Override
    public Optional<CallStatistics> statistics(String callId) {
        return inUse().statistics(callId);
    }

    @Override
    public ListenerRegistration addListener(CallListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }
}
