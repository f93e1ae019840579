package io.switchboard.sip.presence.winfo;

import java.util.Objects;

/**
 * One subscription to a resource, as a {@code <watcher>} element of RFC 3858 describes it.
 *
 * @param uri                the watcher's URI (the element's text)
 * @param id                 unique per subscription within the watcher list
 * @param status             the subscription's state
 * @param event              what caused the last change of state
 * @param displayName        the watcher's name for humans, or null
 * @param lang               the language of {@code displayName} ({@code xml:lang}), or null
 * @param expiration         seconds until the subscription expires, or null
 * @param durationSubscribed seconds the watcher has been subscribed, or null
 */
public record Watcher(String uri, String id, WatcherStatus status, WatcherEvent event, String displayName,
                      String lang, Long expiration, Long durationSubscribed) {

    public Watcher {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(event, "event");
    }

    public static Watcher of(String uri, String id, WatcherStatus status, WatcherEvent event) {
        return new Watcher(uri, id, status, event, null, null, null, null);
    }
}
