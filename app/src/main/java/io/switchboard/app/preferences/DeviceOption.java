package io.switchboard.app.preferences;

/**
 * One entry of a sound-device box.
 *
 * @param name  the device's name, "" for the system default
 * @param label what the box shows: "System default", the name, or the name marked not connected
 */
public record DeviceOption(String name, String label) {

    static final DeviceOption SYSTEM_DEFAULT = new DeviceOption("", "System default");

    static DeviceOption connected(String name) {
        return new DeviceOption(name, name);
    }

    /** A device chosen earlier and unplugged now: kept, so it is used again when plugged in. */
    static DeviceOption notConnected(String name) {
        return new DeviceOption(name, name + " (not connected)");
    }

    @Override
    public String toString() {
        return label;
    }
}
