package io.switchboard.sip.presence.watchers;

import io.switchboard.sip.presence.winfo.Watcher;
import io.switchboard.sip.presence.winfo.WatcherInfo;
import io.switchboard.sip.presence.winfo.WatcherList;
import io.switchboard.sip.presence.winfo.WatcherStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The watchers of one resource's presence as RFC 3858 §4 documents build them up: a full document
 * replaces everything, a partial one changes the watchers it names (a terminated watcher leaves).
 * Versions must grow by one; a gap or a partial document before any full one means a document was
 * lost, and only a new full state (a re-SUBSCRIBE) can repair that. Not thread-safe: the subscriber
 * uses it on its protocol thread.
 */
final class WatcherInfoState {

    /** What applying a document did. */
    enum Outcome { CHANGED, UNCHANGED, OUT_OF_SYNC }

    private final String eventPackage;
    private final Map<String, Watcher> byId = new LinkedHashMap<>();
    private long version = -1;

    WatcherInfoState(String eventPackage) {
        this.eventPackage = eventPackage;
    }

    Outcome apply(WatcherInfo document) {
        boolean full = document.state() == WatcherInfo.State.FULL;
        if (!full && (version < 0 || document.version() != version + 1)) {
            return Outcome.OUT_OF_SYNC;
        }
        if (version >= 0 && document.version() <= version) {
            return Outcome.UNCHANGED; // an old document overtaken by a newer one (RFC 3858 §4.4)
        }
        Map<String, Watcher> before = new LinkedHashMap<>(byId);
        if (full) {
            byId.clear();
        }
        for (WatcherList list : document.lists()) {
            if (!list.eventPackage().equalsIgnoreCase(eventPackage)) {
                continue;
            }
            for (Watcher watcher : list.watchers()) {
                if (watcher.status() == WatcherStatus.TERMINATED) {
                    byId.remove(watcher.id());
                } else {
                    byId.put(watcher.id(), watcher);
                }
            }
        }
        version = document.version();
        return before.equals(byId) ? Outcome.UNCHANGED : Outcome.CHANGED;
    }

    /** Forgets everything: the next document must be full. */
    void reset() {
        byId.clear();
        version = -1;
    }

    List<Watcher> watchers() {
        return List.copyOf(byId.values());
    }

    Optional<Watcher> watcher(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
