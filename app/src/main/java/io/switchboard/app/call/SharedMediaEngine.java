package io.switchboard.app.call;

import io.switchboard.media.MediaEngine;
import io.switchboard.media.MediaException;
import io.switchboard.media.MediaSettings;

import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's one {@link MediaEngine} (libjitsi keeps process-wide state): started at the first
 * {@link #get()}, which is the first SIP sign-in (about a second, so never on the UI thread), and
 * closed once at exit. A start that failed is tried again at the next sign-in.
 */
public final class SharedMediaEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SharedMediaEngine.class);

    private final MediaSettings settings;
    private MediaEngine engine;
    private boolean closed;

    public SharedMediaEngine(MediaSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The engine, started now if this is the first time. Blocks while it starts. */
    public synchronized MediaEngine get() throws MediaException {
        if (closed) {
            throw new MediaException("the media engine is closed: the application is stopping");
        }
        if (engine == null) {
            long started = System.nanoTime();
            engine = MediaEngine.start(settings);
            LOG.info("Media engine started in {} ms (RTP ports {}-{}, state in {})",
                    (System.nanoTime() - started) / 1_000_000, settings.ports().first(), settings.ports().last(),
                    settings.stateDirectory());
        }
        return engine;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }
}
