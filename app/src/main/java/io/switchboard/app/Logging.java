package io.switchboard.app;

import java.nio.file.Path;

import org.slf4j.bridge.SLF4JBridgeHandler;

/** Logging set-up that must happen before the first logger is created. */
final class Logging {

    /** Read by logback.xml for the log file's directory. */
    static final String LOG_DIR_PROPERTY = "switchboard.log.dir";

    private Logging() {
    }

    /** Logs go to the app's state directory unless a directory was given with -Dswitchboard.log.dir. */
    static void configure(Path stateDir) {
        if (System.getProperty(LOG_DIR_PROPERTY) == null) {
            System.setProperty(LOG_DIR_PROPERTY, stateDir.toString());
        }
        installJulBridge();
    }

    /** Smack logs through java.util.logging: route it to SLF4J. */
    static void installJulBridge() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
