package io.switchboard.app.preset;

import io.switchboard.app.LaunchOptions.ProxyOption;
import io.switchboard.app.settings.AccountType;
import io.switchboard.app.settings.CallMode;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What IT preset for every user of this computer in the system-wide client configuration file
 * (ADR 0031), already checked: every value here is valid, and only keys that have a value are
 * locked. Never a password.
 *
 * @param locked the keys users may not change; a locked value beats the command line and the
 *               user's settings, an unlocked one is only a default
 */
public record SystemPreset(Optional<String> server, Optional<String> domain, Optional<AccountType> accountType,
                           Optional<ProxyOption> sipProxy, Optional<CallMode> callMode, Optional<String> deskLine,
                           Optional<ProxyOption> phoneProxy, Optional<String> trustFingerprint,
                           Set<PresetKey> locked) {

    /** No file, or nothing usable in it. */
    public static final SystemPreset NONE = new SystemPreset(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Set.of());

    public SystemPreset {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(accountType, "accountType");
        Objects.requireNonNull(sipProxy, "sipProxy");
        Objects.requireNonNull(callMode, "callMode");
        Objects.requireNonNull(deskLine, "deskLine");
        Objects.requireNonNull(phoneProxy, "phoneProxy");
        Objects.requireNonNull(trustFingerprint, "trustFingerprint");
        locked = locked.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(locked));
    }

    public boolean isLocked(PresetKey key) {
        return locked.contains(key);
    }

    /** Whether the file gives {@code key} a value. */
    public boolean has(PresetKey key) {
        return value(key).isPresent();
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** The value of {@code key}, typed as its field. */
    Optional<?> value(PresetKey key) {
        return switch (key) {
            case SERVER -> server;
            case DOMAIN -> domain;
            case ACCOUNT_TYPE -> accountType;
            case SIP_PROXY -> sipProxy;
            case CALL_MODE -> callMode;
            case DESK_LINE -> deskLine;
            case PHONE_PROXY -> phoneProxy;
            case TRUST_FINGERPRINT -> trustFingerprint;
        };
    }
}
