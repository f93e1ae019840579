package io.switchboard.sip.presence.winfo;

import java.util.List;
import java.util.Objects;

/**
 * An {@code application/watcherinfo+xml} document (RFC 3858): the watcher lists of one
 * subscription's notification. {@code version} counts up by one per notification within a
 * subscription, so a subscriber can spot lost or reordered ones (§4); a {@code partial} document
 * carries only the watchers that changed since the previous one.
 */
public record WatcherInfo(long version, State state, List<WatcherList> lists) {

    /** The MIME type of a watcher information body. */
    public static final String CONTENT_TYPE = "application";
    public static final String CONTENT_SUBTYPE = "watcherinfo+xml";
    public static final String NAMESPACE = "urn:ietf:params:xml:ns:watcherinfo";

    /** Whether the document holds every watcher or only changed ones. */
    public enum State {
        FULL("full"),
        PARTIAL("partial");

        private final String token;

        State(String token) {
            this.token = token;
        }

        public String token() {
            return token;
        }
    }

    public WatcherInfo {
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative: " + version);
        }
        Objects.requireNonNull(state, "state");
        lists = List.copyOf(lists == null ? List.of() : lists);
    }
}
