package io.switchboard.sip.csta;

/**
 * A CSTA device identifier ({@code deviceID}, ECMA-269 §12.3.20): in uaCSTA a SIP or tel URI such as
 * {@code sip:alice@example.com} or {@code tel:+4930123}. Kept as text, not parsed as a URI, because PBX
 * gateways also use dial strings; trimmed, non-blank and at most {@value #MAX_LENGTH} characters.
 */
public record DeviceId(String value) {

    public static final int MAX_LENGTH = 256;

    public DeviceId {
        value = CstaText.token(value, "device ID", MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
