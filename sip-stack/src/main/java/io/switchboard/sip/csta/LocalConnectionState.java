package io.switchboard.sip.csta;

import java.util.Optional;

/** The state of a connection as ECMA-269 §6.1.5 models it, written as {@code <localConnectionInfo>}. */
public enum LocalConnectionState {
    NULL("null"),
    INITIATED("initiated"),
    ALERTING("alerting"),
    CONNECTED("connected"),
    HOLD("hold"),
    QUEUED("queued"),
    FAIL("fail");

    private final String xmlValue;

    LocalConnectionState(String xmlValue) {
        this.xmlValue = xmlValue;
    }

    public String xmlValue() {
        return xmlValue;
    }

    public static Optional<LocalConnectionState> fromXml(String value) {
        for (LocalConnectionState state : values()) {
            if (state.xmlValue.equals(value)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
