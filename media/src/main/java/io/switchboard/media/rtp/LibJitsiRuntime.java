package io.switchboard.media.rtp;

import io.switchboard.media.MediaException;
import io.switchboard.media.MediaSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jitsi.service.libjitsi.LibJitsi;
import org.jitsi.service.neomedia.MediaService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * libjitsi's process-wide start and stop. libjitsi reads its settings from system properties
 * and keeps its services in statics; this class is the only place that touches either, so the
 * rest of the code gets the {@link MediaService} handed in.
 */
public final class LibJitsiRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LibJitsiRuntime.class);

    private final MediaService mediaService;
    private boolean closed;

    private LibJitsiRuntime(MediaService mediaService) {
        this.mediaService = mediaService;
    }

    public static synchronized LibJitsiRuntime start(MediaSettings settings) throws MediaException {
        Path home = settings.stateDirectory().toAbsolutePath();
        try {
            Files.createDirectories(home.resolve("jna"));
        } catch (IOException e) {
            throw new MediaException("Cannot create the media state directory " + home + ": " + e.getMessage(), e);
        }
        routeJavaUtilLoggingToSlf4j();
        System.setProperty("net.java.sip.communicator.SC_HOME_DIR_LOCATION", home.getParent().toString());
        System.setProperty("net.java.sip.communicator.SC_HOME_DIR_NAME", home.getFileName().toString());
        System.setProperty("jna.tmpdir", home.resolve("jna").toString());
        // Calls reach the sound card through Java Sound (media.device, ADR 0021), never through
        // libjitsi's audio systems: those probe native libraries that may be missing, and on a
        // machine without libpulse the JVM dies on an unresolved symbol.
        System.setProperty("org.jitsi.impl.neomedia.device.PortAudioSystem.disabled", "true");
        System.setProperty("org.jitsi.impl.neomedia.device.PulseAudioSystem.disabled", "true");
        LOG.info("Starting the media engine; libjitsi's error about registering its PulseAudio renderer "
                + "that follows is expected");
        long started = System.nanoTime();
        try {
            LibJitsi.start();
            MediaService media = LibJitsi.getMediaService();
            if (media == null) {
                throw new MediaException("libjitsi started without its media service");
            }
            LOG.info("Media engine started in {} ms", (System.nanoTime() - started) / 1_000_000);
            return new LibJitsiRuntime(media);
        } catch (RuntimeException | LinkageError e) {
            // after a failed start libjitsi may keep non-daemon threads that hold the JVM
            stopQuietly();
            throw new MediaException("The media engine (libjitsi) did not start: " + e, e);
        }
    }

    private static void routeJavaUtilLoggingToSlf4j() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    MediaService mediaService() {
        return mediaService;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            stopQuietly();
        }
    }

    private static void stopQuietly() {
        try {
            LibJitsi.stop();
        } catch (RuntimeException e) {
            LOG.warn("Stopping libjitsi failed", e);
        }
    }
}
