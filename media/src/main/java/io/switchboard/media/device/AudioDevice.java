package io.switchboard.media.device;

import java.util.Objects;

/**
 * A sound device the operating system offers now.
 *
 * @param name        what the operating system calls it; the same across runs and re-plugging,
 *                    so it is what a choice remembers
 * @param description the operating system's longer description, for a tooltip
 * @param kind        capture or playback
 */
public record AudioDevice(String name, String description, DeviceKind kind) {

    public AudioDevice {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        Objects.requireNonNull(kind, "kind");
    }
}
