package io.switchboard.sip.register;

/** Where the registration of the account's contact stands. */
public enum RegistrationState {
    /** Never registered, or signed out. */
    UNREGISTERED,
    /** A REGISTER is under way (first time, after a failure, or failing over). */
    REGISTERING,
    /** Bound at a registrar; refreshed before it expires. */
    REGISTERED,
    /** Every proxy failed or refused; retried later unless the credentials were refused. */
    FAILED
}
