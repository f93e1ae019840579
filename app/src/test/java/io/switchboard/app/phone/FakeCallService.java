package io.switchboard.app.phone;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Call;
import io.switchboard.core.model.CallStatistics;
import io.switchboard.core.service.CallService;
import io.switchboard.core.service.ServiceException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The phone's collaborator for view-model tests: records what it is asked ("hangUp c1",
 * "dtmf c1 5"), fails the next action when told to, and the test plays the calls' snapshots with
 * {@link #fire} (on its own thread, which with DirectUi stands in for the session's event thread).
 */
public final class FakeCallService implements CallService {

    public final List<String> actions = new CopyOnWriteArrayList<>();
    private final List<CallListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Call> live = new LinkedHashMap<>();
    private final Map<String, CallStatistics> statistics = new java.util.concurrent.ConcurrentHashMap<>();
    private ServiceException failure;
    private int dialled;

    /** What {@link #statistics} reports for the call from now on. */
    public void reportStatistics(String callId, CallStatistics now) {
        statistics.put(callId, now);
    }

    @Override
    public java.util.Optional<CallStatistics> statistics(String callId) {
        return java.util.Optional.ofNullable(statistics.get(callId));
    }

    /** The next action that may fail throws this. */
    public void failNextWith(ServiceException next) {
        this.failure = next;
    }

    /** Reports a failed transfer to the listeners, as the softphone does when the REFER is refused. */
    public void failTransfer(String callId, String reason) {
        listeners.forEach(l -> l.transferFailed(callId, reason));
    }

    /** Reports a snapshot to the listeners, as the softphone does. */
    public void fire(Call call) {
        synchronized (this) {
            if (call.state().isLive()) {
                live.put(call.id(), call);
            } else {
                live.remove(call.id());
            }
        }
        listeners.forEach(l -> l.callChanged(call));
    }

    @Override
    public synchronized Call dial(Address who) throws ServiceException {
        throwIfFailing();
        Call call = Call.placed("out-" + (++dialled), who, Instant.parse("2024-05-01T10:00:00Z"));
        actions.add("dial " + who);
        live.put(call.id(), call);
        return call;
    }

    @Override
    public void answer(String callId) throws ServiceException {
        throwIfFailing();
        actions.add("answer " + callId);
    }

    @Override
    public void decline(String callId) {
        actions.add("decline " + callId);
    }

    @Override
    public void hangUp(String callId) {
        actions.add("hangUp " + callId);
    }

    @Override
    public void hold(String callId, boolean onHold) throws ServiceException {
        throwIfFailing();
        actions.add("hold " + callId + " " + onHold);
    }

    @Override
    public void mute(String callId, boolean muted) {
        actions.add("mute " + callId + " " + muted);
    }

    @Override
    public void transfer(String callId, Address target) throws ServiceException {
        throwIfFailing();
        actions.add("transfer " + callId + " " + target);
    }

    @Override
    public void transfer(String callId, String consultationCallId) throws ServiceException {
        throwIfFailing();
        actions.add("transfer " + callId + " " + consultationCallId);
    }

    @Override
    public void sendDtmf(String callId, char digit) throws ServiceException {
        throwIfFailing();
        actions.add("dtmf " + callId + " " + digit);
    }

    @Override
    public synchronized List<Call> calls() {
        return new ArrayList<>(live.values());
    }

    @Override
    public ListenerRegistration addListener(CallListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public int listenerCount() {
        return listeners.size();
    }

    private synchronized void throwIfFailing() throws ServiceException {
        ServiceException next = failure;
        failure = null;
        if (next != null) {
            throw next;
        }
    }
}
