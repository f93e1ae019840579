package io.switchboard.core.model;

import java.util.Objects;

/** Someone asks to see my presence; {@code message} is the optional text they sent with it. */
public record SubscriptionRequest(Address from, String message) {
    public SubscriptionRequest {
        Objects.requireNonNull(from, "from");
        message = message == null ? "" : message;
    }
}
