package io.switchboard.app.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The session's company directory once it is known: searched by the search box, read by contact
 * cards and caller identification. Set once per sign-in, on any thread; closed at sign-out.
 */
public final class DirectoryAccess implements AutoCloseable {

    private volatile CompanyDirectory directory;
    private volatile boolean closed;
    /** Uses waiting for the directory (a call that rang before the server said where it is). */
    private final List<Consumer<CompanyDirectory>> waiting = new ArrayList<>();
    private boolean settled;

    /** The directory, if the server named one and the session has not ended. */
    public Optional<CompanyDirectory> current() {
        return closed ? Optional.empty() : Optional.ofNullable(directory);
    }

    /**
     * Runs {@code use} with the directory: now (on this thread) when it is known, else on the
     * thread that {@link #set}s it; never when the server names none or the session ends first.
     */
    public void whenFound(Consumer<CompanyDirectory> use) {
        CompanyDirectory known;
        synchronized (this) {
            if (closed || (settled && directory == null)) {
                return;
            }
            if (directory == null) {
                waiting.add(use);
                return;
            }
            known = directory;
        }
        use.accept(known);
    }

    /** @return false when the session already ended: the caller closes {@code found} */
    public boolean set(CompanyDirectory found) {
        List<Consumer<CompanyDirectory>> ready;
        synchronized (this) {
            if (closed) {
                return false;
            }
            directory = found;
            settled = true;
            ready = List.copyOf(waiting);
            waiting.clear();
        }
        ready.forEach(use -> use.accept(found));
        return true;
    }

    /** The server names no directory (or it could not be opened): nothing waits for one any more. */
    public synchronized void none() {
        settled = true;
        waiting.clear();
    }

    /** Sign-out: the directory's connections close; later lookups find no directory. */
    @Override
    public void close() {
        CompanyDirectory open;
        synchronized (this) {
            closed = true;
            open = directory;
            directory = null;
            waiting.clear();
        }
        if (open != null) {
            open.service().close();
        }
    }
}
