package io.switchboard.app.phone;

import java.util.List;
import java.util.Objects;

/**
 * Opens the phone's windows when its view model asks: the incoming-call window for each call
 * ringing here and a call window for each call placed or answered. Each window closes itself
 * when its view model says so. Must be created on the JavaFX thread.
 */
public final class CallWindows {

    private final List<String> stylesheets;

    public CallWindows(PhoneViewModel phone, List<String> stylesheets) {
        Objects.requireNonNull(phone, "phone");
        this.stylesheets = List.copyOf(stylesheets);
        phone.onIncomingCall(vm -> new IncomingCallView(vm, this.stylesheets).show());
        phone.onCallWindow(vm -> new CallView(vm, this.stylesheets).show());
    }
}
