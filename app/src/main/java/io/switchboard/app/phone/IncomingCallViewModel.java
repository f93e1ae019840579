package io.switchboard.app.phone;

import io.switchboard.core.model.Call;
import io.switchboard.core.model.CallState;
import io.switchboard.core.service.CallService;
import io.switchboard.core.service.ServiceException;

import java.util.Objects;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The small window of a call ringing here: who calls, Answer and Decline. It closes once the call
 * no longer rings here: answered (here or on another phone), declined, or given up by the caller.
 * Used on the UI thread only.
 */
public final class IncomingCallViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(IncomingCallViewModel.class);

    private final CallService calls;
    private final String id;
    private final String callerAddress;
    private final ReadOnlyStringWrapper callerName = new ReadOnlyStringWrapper(this, "callerName");
    private final ReadOnlyStringWrapper callerRole = new ReadOnlyStringWrapper(this, "callerRole", "");
    private final ReadOnlyBooleanWrapper closed = new ReadOnlyBooleanWrapper(this, "closed");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    public IncomingCallViewModel(Call call, String callerName, CallService calls) {
        this.id = Objects.requireNonNull(call, "call").id();
        this.callerAddress = call.remote().toString();
        this.callerName.set(Objects.requireNonNull(callerName, "callerName"));
        this.calls = Objects.requireNonNull(calls, "calls");
        update(call);
    }

    public String callId() {
        return id;
    }

    public ReadOnlyStringProperty callerNameProperty() {
        return callerName.getReadOnlyProperty();
    }

    /** The caller's title and department from the company directory; "" until (unless) it is known. */
    public ReadOnlyStringProperty callerRoleProperty() {
        return callerRole.getReadOnlyProperty();
    }

    /** The directory knows the caller: its name replaces the raw identity, which stays shown below it. */
    public void identified(CallerDirectory.CallerIdentity identity) {
        if (!identity.name().isBlank()) {
            callerName.set(identity.name());
        }
        callerRole.set(identity.role());
    }

    public String callerAddress() {
        return callerAddress;
    }

    /** True once the window should go. */
    public ReadOnlyBooleanProperty closedProperty() {
        return closed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** A new snapshot of the call: anything but ringing here closes the window. */
    public void update(Call call) {
        if (call.id().equals(id) && call.state() != CallState.INCOMING) {
            closed.set(true);
        }
    }

    public void answer() {
        if (closed.get()) {
            return;
        }
        try {
            calls.answer(id);
            closed.set(true);
        } catch (ServiceException | IllegalStateException e) {
            LOG.info("Answering call {} failed: {}", id, e.getMessage());
            error.set("The call could not be answered: " + e.getMessage());
        }
    }

    public void decline() {
        if (!closed.get()) {
            calls.decline(id);
            closed.set(true);
        }
    }

    /** The session ends: the window goes. */
    void closeNow() {
        closed.set(true);
    }
}
