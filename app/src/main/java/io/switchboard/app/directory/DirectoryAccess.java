package io.switchboard.app.directory;

import java.util.Optional;

/**
 * The session's company directory once it is known: searched by the search box, read by contact
 * cards and caller identification. Set once per sign-in, on any thread; closed at sign-out.
 */
public final class DirectoryAccess implements AutoCloseable {

    private volatile CompanyDirectory directory;
    private volatile boolean closed;

    /** The directory, if the server named one and the session has not ended. */
    public Optional<CompanyDirectory> current() {
        return closed ? Optional.empty() : Optional.ofNullable(directory);
    }

    /** @return false when the session already ended: the caller closes {@code found} */
    public synchronized boolean set(CompanyDirectory found) {
        if (closed) {
            return false;
        }
        directory = found;
        return true;
    }

    /** Sign-out: the directory's connections close; later lookups find no directory. */
    @Override
    public void close() {
        CompanyDirectory open;
        synchronized (this) {
            closed = true;
            open = directory;
            directory = null;
        }
        if (open != null) {
            open.service().close();
        }
    }
}
