package io.switchboard.sip.dialog;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dialogs one subscription has been told of, rebuilt from its NOTIFYs (RFC 4235 §4.1): a full
 * document replaces them, a partial one updates the dialogs it names (a terminated dialog is
 * gone). Versions must count up: an older or repeated version is ignored, and a partial document
 * after a gap means one was lost, so only a new subscription brings the state back. Not
 * thread-safe: used on the user agent's protocol thread.
 */
final class DialogBook {

    /** What a document did to the book. */
    enum Outcome { APPLIED, STALE, LOST }

    private final Map<String, Dialog> dialogs = new LinkedHashMap<>();
    private long version = -1;

    Outcome apply(DialogInfo info) {
        if (version >= 0 && info.version() <= version) {
            return Outcome.STALE;
        }
        if (info.state() == DialogInfo.State.PARTIAL && (version < 0 || info.version() != version + 1)) {
            return Outcome.LOST;
        }
        version = info.version();
        if (info.state() == DialogInfo.State.FULL) {
            dialogs.clear();
        }
        for (Dialog dialog : info.dialogs()) {
            if (dialog.state() == DialogState.TERMINATED) {
                dialogs.remove(dialog.id());
            } else {
                dialogs.put(dialog.id(), dialog);
            }
        }
        return Outcome.APPLIED;
    }

    /** A new subscription starts counting from its own first document. */
    void clear() {
        dialogs.clear();
        version = -1;
    }

    Collection<Dialog> dialogs() {
        return List.copyOf(dialogs.values());
    }
}
