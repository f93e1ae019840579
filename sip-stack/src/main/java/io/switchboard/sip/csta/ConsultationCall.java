package io.switchboard.sip.csta;

import java.util.Objects;

/** Holds the existing call and calls {@code consultedDevice}, the first half of a consulted transfer (ECMA-269 §17.1.6). */
public record ConsultationCall(ConnectionId existingCall, DeviceId consultedDevice) implements CstaRequest {

    public ConsultationCall {
        Objects.requireNonNull(existingCall, "existingCall");
        Objects.requireNonNull(consultedDevice, "consultedDevice");
    }
}
