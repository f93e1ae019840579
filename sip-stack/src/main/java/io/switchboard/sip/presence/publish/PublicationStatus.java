package io.switchboard.sip.presence.publish;

import java.time.Duration;

/**
 * The publication as the presence server accepted it.
 *
 * @param etag    the entity tag the next refresh, modify or remove must match
 * @param granted the lifetime the server granted
 */
public record PublicationStatus(String etag, Duration granted) {
}
