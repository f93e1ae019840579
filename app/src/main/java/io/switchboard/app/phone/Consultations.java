package io.switchboard.app.phone;

import io.switchboard.core.model.Address;

/**
 * The first half of an attended transfer: the call in a window is put on hold and a consultation
 * call placed to the transfer target; the consultation call's window then offers to complete the
 * transfer. Implemented by {@link PhoneViewModel}, which places calls and opens windows.
 */
@FunctionalInterface
public interface Consultations {

    void consult(CallViewModel original, Address target);
}
