package io.switchboard.app.phone;

import io.switchboard.app.ui.Background;
import io.switchboard.app.ui.Scheduler;
import io.switchboard.app.ui.UiDispatcher;
import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Call;
import io.switchboard.core.model.CallState;
import io.switchboard.core.service.CallService;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The softphone of one signed-in SIP account, as the UI sees it: places calls, and turns the
 * {@link CallService}'s call snapshots into windows, one {@link IncomingCallViewModel} per call
 * ringing here and one {@link CallViewModel} per call placed or answered. Every ended call goes to
 * the call history. The service arrives through {@link #attach} once the audio engine has started
 * (about a second at the first SIP sign-in); until then calls are not available.
 *
 * <p>Call events arrive on the session's event thread and are moved to the UI thread through the
 * {@link UiDispatcher}; everything else is used on the UI thread.
 */
public final class PhoneViewModel implements Dialer {

    private static final Logger LOG = LoggerFactory.getLogger(PhoneViewModel.class);
    static final String STARTING = "Starting the audio engine…";

    private final UiDispatcher ui;
    private final Background background;
    private final Scheduler scheduler;
    private final Clock clock;
    private final ContactLookup contacts;
    private final Consumer<Call> history;
    private final Address self;
    private final CallAudioControls audio;
    private CallWindowServices windowServices;

    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
    private final ReadOnlyStringWrapper unavailableReason = new ReadOnlyStringWrapper(this, "unavailableReason", STARTING);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final Map<String, CallViewModel> callWindows = new HashMap<>();
    private final Map<String, IncomingCallViewModel> ringing = new HashMap<>();
    /** Calls already over: a late snapshot (the dial's own result) must not open a window again. */
    private final Set<String> finished = new HashSet<>();
    private Consumer<IncomingCallViewModel> incomingWindows = vm -> { };
    private CallerDirectory callers = CallerDirectory.NONE;
    private Consumer<CallViewModel> openCallWindow = vm -> { };
    private CallService calls;
    private ListenerRegistration registration;
    private volatile boolean disposed;

    /**
     * @param self     my address: a bare name typed as a transfer target is in my domain
     * @param contacts names and presence of the people in calls
     * @param audio    the call volume and sound devices the call windows adjust
     * @param history  told of every call once it has ended
     */
    public PhoneViewModel(UiDispatcher ui, Background background, Scheduler scheduler, Clock clock, Address self,
                          ContactLookup contacts, CallAudioControls audio, Consumer<Call> history) {
        this.ui = Objects.requireNonNull(ui, "ui");
        this.background = Objects.requireNonNull(background, "background");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.self = Objects.requireNonNull(self, "self");
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.audio = Objects.requireNonNull(audio, "audio");
        this.history = Objects.requireNonNull(history, "history");
    }

    /** The softphone is ready: calls can be placed and ring in from now on. Once only. */
    public void attach(CallService service) {
        attach(service, Optional::empty);
    }

    /**
     * As {@link #attach(CallService)}, for a service whose calls may be on a desk phone:
     * {@code deskLine} names the line the calls use now ("1001"), empty while they use this computer.
     */
    public void attach(CallService service, Supplier<Optional<String>> deskLine) {
        if (calls != null) {
            throw new IllegalStateException("the phone already has its call service");
        }
        calls = Objects.requireNonNull(service, "service");
        windowServices = new CallWindowServices(service, background, scheduler, clock, self, audio, this::consult,
                deskLine);
        registration = service.addListener(new CallService.CallListener() {
            @Override
            public void callChanged(Call call) {
                if (!disposed) {
                    ui.run(() -> changed(call));
                }
            }

            @Override
            public void requestFailed(String callId, String reason) {
                if (!disposed) {
                    ui.run(() -> {
                        CallViewModel window = callWindows.get(callId);
                        if (window != null) {
                            window.requestFailed(reason);
                        } else {
                            error.set("The desk phone did not do it: " + reason);
                        }
                    });
                }
            }

            @Override
            public void transferFailed(String callId, String reason) {
                if (!disposed) {
                    ui.run(() -> {
                        CallViewModel window = callWindows.get(callId);
                        if (window != null) {
                            window.transferFailed(reason);
                        }
                    });
                }
            }
        });
        unavailableReason.set("");
        available.set(true);
        // a call may have rung in between the start and the listener
        List.copyOf(service.calls()).forEach(this::changed);
    }

    /** The softphone could not start (no audio, no free port): says why instead of offering calls. */
    public void unavailable(String reason) {
        available.set(false);
        unavailableReason.set(reason);
    }

    /** Where ringing callers are looked up by name (the company directory, once the session found one). */
    public void identifyCallersWith(CallerDirectory directory) {
        this.callers = Objects.requireNonNull(directory, "directory");
    }

    /** Where the view opens the window of a call ringing here. */
    public void onIncomingCall(Consumer<IncomingCallViewModel> opener) {
        this.incomingWindows = Objects.requireNonNull(opener, "opener");
    }

    /** Where the view opens the window of a call placed or answered. */
    public void onCallWindow(Consumer<CallViewModel> opener) {
        this.openCallWindow = Objects.requireNonNull(opener, "opener");
    }

    @Override
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    @Override
    public boolean isSupported() {
        return true;
    }

    /** Why calls cannot be placed now ("Starting the audio engine…"), or "" when they can. */
    public ReadOnlyStringProperty unavailableReasonProperty() {
        return unavailableReason.getReadOnlyProperty();
    }

    /** The last call that could not be placed, for the dial box; "" when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public void dismissError() {
        error.set("");
    }

    /** The calls that have a window, for tests and the composition. */
    public List<CallViewModel> callWindows() {
        return List.copyOf(callWindows.values());
    }

    /** The calls ringing here that have a window. */
    public List<IncomingCallViewModel> incomingCalls() {
        return List.copyOf(ringing.values());
    }

    @Override
    public void call(Address who) {
        Objects.requireNonNull(who, "who");
        if (!available.get()) {
            error.set("Cannot call " + who + ": " + unavailableReason.get());
            return;
        }
        error.set("");
        CallService service = calls;
        background.submit("call " + who, () -> service.dial(who), this::dialled, failure -> {
            LOG.info("Calling {} failed: {}", who, failure.getMessage());
            error.set("Cannot call " + who + ": " + failure.getMessage());
        });
    }

    /**
     * "Consult first": holds the original call, then calls the target; the consultation call's
     * window offers to complete the transfer.
     */
    private void consult(CallViewModel original, Address target) {
        CallService service = calls;
        String originalId = original.callId();
        background.submit("consult " + target, () -> {
            service.hold(originalId, true);
            return service.dial(target);
        }, consultation -> {
            dialled(consultation);
            CallViewModel window = callWindows.get(consultation.id());
            if (window != null) {
                window.consultationOf(original);
            }
        }, failure -> {
            LOG.info("Consulting {} before a transfer failed: {}", target, failure.getMessage());
            error.set("Cannot call " + target + ": " + failure.getMessage());
        });
    }

    /** The dial's own result: opens the window unless the call's events did already. */
    private void dialled(Call call) {
        if (!disposed && !callWindows.containsKey(call.id()) && !finished.contains(call.id())) {
            changed(call);
        }
    }

    private void changed(Call call) {
        if (disposed || finished.contains(call.id())) {
            return;
        }
        String id = call.id();
        IncomingCallViewModel rings = ringing.get(id);
        if (rings != null) {
            rings.update(call);
            if (call.state() != CallState.INCOMING) {
                ringing.remove(id);
            }
        } else if (call.state() == CallState.INCOMING) {
            IncomingCallViewModel incoming = new IncomingCallViewModel(call, contacts.displayName(call.remote()), calls);
            ringing.put(id, incoming);
            incomingWindows.accept(incoming);
            callers.identify(call.remote(), identity -> {
                if (!disposed && !incoming.closedProperty().get()) {
                    incoming.identified(identity);
                }
            });
        }
        CallViewModel window = callWindows.get(id);
        if (window != null) {
            window.update(call);
        } else if (call.outgoing() || call.state().isInProgress()) {
            window = new CallViewModel(call, contacts.displayName(call.remote()), windowServices);
            callWindows.put(id, window);
            openCallWindow.accept(window);
        }
        if (call.state() == CallState.ENDED) {
            finished.add(id);
            callWindows.remove(id);
            history.accept(call);
        }
    }

    /** The session ends: stops listening and closes every call window. The softphone is closed by its owner. */
    public void dispose() {
        disposed = true;
        if (registration != null) {
            registration.close();
        }
        ui.run(() -> {
            ringing.values().forEach(IncomingCallViewModel::closeNow);
            callWindows.values().forEach(CallViewModel::closeNow);
            ringing.clear();
            callWindows.clear();
        });
    }
}
