package io.switchboard.deskphone;

import io.switchboard.core.model.Address;

/**
 * What the control API can do with a phone: {@link DeskPhone} implements it. Operations act on the
 * phone's current call; they throw {@link IllegalStateException} when there is none fitting,
 * {@link IllegalArgumentException} for bad input and {@link DeskPhoneException} when the phone
 * cannot do it (no RTP port, audio did not start).
 */
public interface PhoneControls {

    Address line();

    DeskPhoneStatus status();

    DeskPhoneCall dial(Address callee) throws DeskPhoneException;

    DeskPhoneCall answer() throws DeskPhoneException;

    DeskPhoneCall answer(String callId) throws DeskPhoneException;

    DeskPhoneCall hangUp();

    DeskPhoneCall hangUp(String callId);

    DeskPhoneCall hold();

    DeskPhoneCall resume();

    DeskPhoneCall sendDigits(String digits);

    DeskPhoneCall sendDigits(String callId, String digits);
}
