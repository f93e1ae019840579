package io.switchboard.sip.register;

import io.switchboard.sip.ua.SipProxy;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of the registration.
 *
 * @param state   where it stands
 * @param proxy   the proxy registered at, or being tried; null when unregistered
 * @param granted the lifetime the registrar granted (zero unless registered)
 * @param failure why the last attempt failed, or null
 */
public record RegistrationStatus(RegistrationState state, SipProxy proxy, Duration granted, Exception failure) {

    public static final RegistrationStatus UNREGISTERED =
            new RegistrationStatus(RegistrationState.UNREGISTERED, null, Duration.ZERO, null);

    public RegistrationStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(granted, "granted");
    }

    public boolean isRegistered() {
        return state == RegistrationState.REGISTERED;
    }

    public Optional<Exception> failureCause() {
        return Optional.ofNullable(failure);
    }
}
