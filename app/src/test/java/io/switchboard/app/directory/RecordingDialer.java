package io.switchboard.app.directory;

import io.switchboard.app.phone.Dialer;
import io.switchboard.core.model.Address;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/** A phone that records whom it was asked to call. */
final class RecordingDialer implements Dialer {

    final List<Address> called = new ArrayList<>();
    final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(true);

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
