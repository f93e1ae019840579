package io.switchboard.sip.csta;

import java.util.Objects;

/**
 * Places a call from {@code callingDevice} to {@code calledDirectoryNumber} (ECMA-269 §17.1.8).
 * {@code autoOriginate} true is ECMA's {@code doNotPrompt} (the phone goes off-hook by itself), false is
 * {@code prompt} (the phone rings its user first), which is ECMA's default when the element is absent.
 */
public record MakeCall(DeviceId callingDevice, DeviceId calledDirectoryNumber, boolean autoOriginate)
        implements CstaRequest {

    public MakeCall {
        Objects.requireNonNull(callingDevice, "callingDevice");
        Objects.requireNonNull(calledDirectoryNumber, "calledDirectoryNumber");
    }
}
