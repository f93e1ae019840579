package io.switchboard.server.sip.presence;

import io.switchboard.sip.presence.pidf.PidfDocument;

import java.time.Instant;
import java.util.Objects;

/**
 * One event state published with PUBLISH (RFC 3903): the document, the entity tag the publisher
 * refers to it by (SIP-If-Match), and when it expires.
 */
public record Publication(String entityTag, PidfDocument document, Instant expiresAt) {

    public Publication {
        Objects.requireNonNull(entityTag, "entityTag");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean expired(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
