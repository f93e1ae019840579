package io.switchboard.server.sip.proxy;

import java.util.Optional;

/**
 * Where a new call to a local user goes instead of the user's own phones: the CTI gateway anchors
 * the calls of desk lines its users control, so that it is in both dialogs and can answer, hold
 * and transfer them for phones that know nothing of CTI (ADR 0025).
 */
@FunctionalInterface
public interface CallAnchor {

    /** No user's calls are anchored. */
    CallAnchor NONE = target -> Optional.empty();

    /** The contact URI a new INVITE for {@code target} is sent to instead of its registrations. */
    Optional<String> anchorFor(String target);
}
