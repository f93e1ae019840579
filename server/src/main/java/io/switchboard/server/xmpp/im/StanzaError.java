package io.switchboard.server.xmpp.im;

import java.util.Locale;

/**
 * The RFC 6120 §8.3.3 stanza error conditions the IM layer raises, each with the error type
 * the RFC recommends for it.
 */
public enum StanzaError {
    BAD_REQUEST("modify"),
    FEATURE_NOT_IMPLEMENTED("cancel"),
    FORBIDDEN("auth"),
    INTERNAL_SERVER_ERROR("cancel"),
    ITEM_NOT_FOUND("cancel"),
    JID_MALFORMED("modify"),
    NOT_ACCEPTABLE("modify"),
    NOT_ALLOWED("cancel"),
    REMOTE_SERVER_NOT_FOUND("cancel"),
    RESOURCE_CONSTRAINT("wait"),
    SERVICE_UNAVAILABLE("cancel");

    private final String type;

    StanzaError(String type) {
        this.type = type;
    }

    /** The error type attribute: cancel, modify, auth or wait. */
    public String type() {
        return type;
    }

    /** The wire name of the condition element. */
    public String element() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
