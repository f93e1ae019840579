package io.switchboard.core.model;

/** What a device can do, so the UI offers only the ways a person can really be reached. */
public enum Capability {
    IM, AUDIO, VIDEO, DESK_PHONE
}
