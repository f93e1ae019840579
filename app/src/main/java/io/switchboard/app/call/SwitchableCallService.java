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
 *
 * <p>In desk-phone mode the softphone still hears calls to my own address (a caller who picks me
 * from a buddy list rings it, not my desk line): its calls keep showing, and every action goes to
 * the phone that has the call. New calls are placed on the phone in use.
 */
public final class SwitchableCallService implements CallService {

    /**
     * The phone in use and what the UI should say about it; {@code forwarding} passes on a desk
     * phone's changes (the softphone's are passed on all along).
     */
    private record Current(CallService calls, Optional<String> deskLine, ListenerRegistration forwarding) {
    }

    private static final ListenerRegistration NONE = () -> { };

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
    private final CallService softphone;
    private volatile Current current;

    /** Starts on {@code softphone}, which is heard from then on whatever phone is in use. */
    public SwitchableCallService(CallService softphone) {
        this.softphone = Objects.requireNonNull(softphone, "softphone");
        softphone.addListener(forwarder);
        current = new Current(softphone, Optional.empty(), NONE);
    }

    /**
     * Uses {@code next} from now on; {@code deskLine} names the desk line it drives, empty for the
     * softphone. Returns the phone used until now, which its owner closes if it is done with it.
     */
    public synchronized CallService use(CallService next, Optional<String> deskLine) {
        Objects.requireNonNull(next, "next");
        Current previous = current;
        previous.forwarding().close();
        current = new Current(next, Objects.requireNonNull(deskLine, "deskLine"),
                next == softphone ? NONE : next.addListener(forwarder));
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

    /** The phone that has the call {@code callId}: the softphone's own calls stay its own. */
    private CallService owner(String callId) {
        CallService phone = inUse();
        if (phone != softphone && softphone.calls().stream().anyMatch(call -> call.id().equals(callId))) {
            return softphone;
        }
        return phone;
    }

    @Override
    public Call dial(Address who) throws ServiceException {
        return inUse().dial(who);
    }

    @Override
    public void answer(String callId) throws ServiceException {
        owner(callId).answer(callId);
    }

    @Override
    public void decline(String callId) {
        owner(callId).decline(callId);
    }

    @Override
    public void hangUp(String callId) {
        owner(callId).hangUp(callId);
    }

    @Override
    public void hold(String callId, boolean onHold) throws ServiceException {
        owner(callId).hold(callId, onHold);
    }

    @Override
    public void mute(String callId, boolean muted) {
        owner(callId).mute(callId, muted);
    }

    @Override
    public void transfer(String callId, Address target) throws ServiceException {
        owner(callId).transfer(callId, target);
    }

    @Override
    public void transfer(String callId, String consultationCallId) throws ServiceException {
        CallService phone = owner(callId);
        if (phone != owner(consultationCallId)) {
            throw new ServiceException("the two calls are on different phones (softphone and desk phone)");
        }
        phone.transfer(callId, consultationCallId);
    }

    @Override
    public void sendDtmf(String callId, char digit) throws ServiceException {
        owner(callId).sendDtmf(callId, digit);
    }

    /** The calls of the phone in use, and in desk-phone mode the softphone's too. */
    @Override
    public List<Call> calls() {
        CallService phone = inUse();
        if (phone == softphone) {
            return softphone.calls();
        }
        List<Call> all = new java.util.ArrayList<>(softphone.calls());
        all.addAll(phone.calls());
        return List.copyOf(all);
    }

    @Override
    public Optional<CallStatistics> statistics(String callId) {
        return owner(callId).statistics(callId);
    }

    @Override
    public ListenerRegistration addListener(CallListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }
}
