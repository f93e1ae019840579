package io.switchboard.server.sip.presence;

import io.switchboard.sip.presence.pidf.PidfDocument;

/** What a presence watcher is told about a presentity: the PIDF document of their current state. */
@FunctionalInterface
public interface PresenceView {

    /**
     * @param presentity the local user
     * @param entity     the presentity URI the watcher subscribed to, the document's {@code entity}
     */
    PidfDocument current(String presentity, String entity);
}
