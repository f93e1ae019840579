package io.switchboard.sip.call;

/**
 * Answers an SDP offer the other side makes in the middle of a call (a re-INVITE: hold, resume, a
 * new address). Called on the user agent's protocol thread; must not block for long.
 */
@FunctionalInterface
public interface SessionOfferHandler {

    SessionAnswer answer(String offer);
}
