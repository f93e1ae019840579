package io.switchboard.sip.presence.winfo;

import java.util.List;
import java.util.Objects;

/**
 * The watchers of one resource in one event package ({@code <watcher-list>}, RFC 3858 §3).
 *
 * @param resource     the watched resource's URI, e.g. {@code sip:alice@example.com}
 * @param eventPackage the package watched, e.g. {@code presence}
 */
public record WatcherList(String resource, String eventPackage, List<Watcher> watchers) {

    public WatcherList {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(eventPackage, "eventPackage");
        watchers = List.copyOf(watchers == null ? List.of() : watchers);
    }
}
