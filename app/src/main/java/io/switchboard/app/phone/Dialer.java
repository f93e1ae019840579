package io.switchboard.app.phone;

import io.switchboard.core.model.Address;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * What other screens need of the softphone to start a call (the buddy list's "Call", Recents'
 * call-back): whether calls can be placed now, and placing one. Used on the UI thread.
 */
public interface Dialer {

    /** For accounts without a softphone (XMPP): calls are never possible. */
    Dialer NONE = new Dialer() {
        private final ReadOnlyBooleanWrapper never = new ReadOnlyBooleanWrapper(false);

        @Override
        public ReadOnlyBooleanProperty availableProperty() {
            return never.getReadOnlyProperty();
        }

        @Override
        public boolean isSupported() {
            return false;
        }

        @Override
        public void call(Address who) {
            throw new IllegalStateException("Calls need a SIP account");
        }
    };

    /** True while a call can be placed (signed in with a SIP account and the audio engine started). */
    ReadOnlyBooleanProperty availableProperty();

    /** Whether this account has a softphone at all; false for XMPP accounts, whose call controls are hidden. */
    boolean isSupported();

    /** Calls {@code who}; the call's window opens when the call is placed, a failure is shown by the phone. */
    void call(Address who);
}
