package io.switchboard.sip.message;

/**
 * What became of a sent MESSAGE that the far side took (RFC 3428 §7): 200 means the recipient's
 * user agent got it; 202 means something on the way (a gateway, an offline store) accepted it
 * for later delivery. Refusals are not reports but {@code SipRejectedException}s.
 *
 * @param status     delivered or accepted
 * @param statusCode the 2xx status code
 * @param reason     its reason phrase
 */
public record DeliveryReport(Status status, int statusCode, String reason) {

    /** How far the message got. */
    public enum Status { DELIVERED, ACCEPTED }

    static DeliveryReport of(int statusCode, String reason) {
        return new DeliveryReport(statusCode == 200 ? Status.DELIVERED : Status.ACCEPTED, statusCode,
                reason == null ? "" : reason);
    }
}
