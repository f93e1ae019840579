package io.switchboard.sip.csta;

import java.util.Objects;

/** Starts event reports for a device ({@code <monitorObject><deviceObject>}, ECMA-269 §19.1.5). */
public record MonitorStart(DeviceId monitorObject) implements CstaRequest {

    public MonitorStart {
        Objects.requireNonNull(monitorObject, "monitorObject");
    }
}
