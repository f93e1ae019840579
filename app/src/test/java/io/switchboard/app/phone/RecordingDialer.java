package io.switchboard.app.phone;

import io.switchboard.core.model.Address;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/** A phone that records whom it was asked to call, for view-model tests of what calls. */
public final class RecordingDialer implements Dialer {

    public final List<Address> called = new ArrayList<>();
    public final ReadOnlyBooleanWrapper available;

    /** @param availableAtFirst whether the phone can call from the start */
    public RecordingDialer(boolean availableAtFirst) {
        this.available = new ReadOnlyBooleanWrapper(availableAtFirst);
    }

    @Override
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    @Override
    public boolean isSupported() {
        return true;
    }

    @Override
    public void call(Address who) {
        called.add(who);
    }
}
