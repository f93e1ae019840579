package io.switchboard.sip.csta;

import java.util.Objects;

/** Switches do-not-disturb on or off at a device ({@code <device>}, {@code <doNotDisturbOn>}, ECMA-269 §22.2.10). */
public record SetDoNotDisturb(DeviceId device, boolean on) implements CstaRequest {

    public SetDoNotDisturb {
        Objects.requireNonNull(device, "device");
    }
}
