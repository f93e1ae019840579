package io.switchboard.sip.register;

/** Told about every change of the registration, on the user agent's event executor. */
@FunctionalInterface
public interface RegistrationListener {

    void registrationChanged(RegistrationStatus status);
}
