package io.switchboard.sip.cti;

import io.switchboard.sip.csta.CstaRequest;
import io.switchboard.sip.csta.CstaResponse;

/** What a device that speaks uaCSTA does with a gateway's request; called on a SIP thread, must not block. */
@FunctionalInterface
public interface CstaRequestHandler {

    /** The response: a positive one, or a {@code CstaErrorCode} for what cannot be done here. */
    CstaResponse handle(CstaRequest request);
}
