package io.switchboard.sip.presence.watchers;

import io.switchboard.sip.presence.winfo.Watcher;
import java.util.List;

/** Told, on the user agent's events executor, who watches (or asks to watch) the user's presence. */
@FunctionalInterface
public interface WatchersListener {

    /** The current watchers of the user's presence after a change, in the server's order. */
    void watchersChanged(List<Watcher> watchers);
}
