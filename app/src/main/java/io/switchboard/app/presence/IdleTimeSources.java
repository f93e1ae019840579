package io.switchboard.app.presence;

import io.switchboard.app.settings.CommandRunner;
import io.switchboard.app.settings.PlatformDirectories;

import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the best idle-time source of this platform, checking that it really answers (a
 * Wayland session has no X display; a minimal Linux has no libXss), else the fallback that
 * counts input in the app's own windows.
 */
public final class IdleTimeSources {

    private static final Logger LOG = LoggerFactory.getLogger(IdleTimeSources.class);

    private IdleTimeSources() {
    }

    public static IdleTimeSource select(PlatformDirectories.Os os, String displayVariable, CommandRunner runner,
                                        IdleTimeSource fallback) {
        return select(os, () -> windows(), () -> Optional.<IdleTimeSource>of(new MacIdleTimeSource(runner)),
                () -> X11IdleTimeSource.open(displayVariable), fallback);
    }

    static IdleTimeSource select(PlatformDirectories.Os os, Supplier<Optional<IdleTimeSource>> windows,
                                 Supplier<Optional<IdleTimeSource>> mac, Supplier<Optional<IdleTimeSource>> x11,
                                 IdleTimeSource fallback) {
        Supplier<Optional<IdleTimeSource>> candidate = switch (os) {
            case WINDOWS -> windows;
            case MAC -> mac;
            case LINUX -> x11;
        };
        IdleTimeSource chosen = candidate.get().filter(IdleTimeSources::answers).orElse(fallback);
        LOG.info("Idle time from {}", chosen.description());
        return chosen;
    }

    /** The first query also proves the native part loads. */
    private static boolean answers(IdleTimeSource source) {
        try {
            return source.idleTime().isPresent();
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("{} does not work here: {}", source.description(), e.toString());
            return false;
        }
    }

    private static Optional<IdleTimeSource> windows() {
        try {
            return Optional.of(new WindowsIdleTimeSource());
        } catch (LinkageError e) {
            return Optional.empty();
        }
    }
}
