package io.switchboard.deskphone;

/**
 * Told of every change of a desk phone (registration, a call's state or media), on the phone's
 * serial event executor, one event at a time and in order.
 */
@FunctionalInterface
public interface DeskPhoneListener {

    /**
     * @param status  the phone after the change (the hearing figures are those of the moment)
     * @param changed the call that changed, or null for a registration change
     */
    void phoneChanged(DeskPhoneStatus status, DeskPhoneCall changed);
}
