package io.switchboard.sip.csta;

import java.util.Objects;

/**
 * A CSTA connection (ECMA-269 §6.1.3): one device's part in one call, written as the {@code <callID>}
 * and {@code <deviceID>} children of elements such as {@code connectionToBeCleared}. The call ID is
 * absent where the switching function identifies the connection by its device alone, so it may be null
 * (an empty {@code <callID/>} reads as absent).
 */
public record ConnectionId(String callId, DeviceId device) {

    public static final int MAX_CALL_ID_LENGTH = 128;

    public ConnectionId {
        if (callId != null) {
            callId = CstaText.token(callId, "call ID", MAX_CALL_ID_LENGTH);
        }
        Objects.requireNonNull(device, "device");
    }
}
