package io.switchboard.app;

import io.switchboard.app.settings.PlatformDirectories;

import javafx.application.Application;

import org.slf4j.LoggerFactory;

/**
 * Starts the client from a plain class path: a main class that is not an {@link Application}
 * lets the JavaFX jars sit on the class path instead of the module path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int exitCode = LaunchOptions.check(args);
        if (exitCode != 0 || LaunchOptions.isHelpRequest(args)) {
            System.exit(exitCode);
        }
        Logging.configure(PlatformDirectories.current().stateDir());
        // a thread that dies (the FX thread's handler failing, a library's thread) would otherwise
        // only print to stderr, which a desktop user never sees: put it in the log file
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> LoggerFactory.getLogger(Main.class)
                .error("Uncaught exception in thread {}", thread.getName(), failure));
        Application.launch(SwitchboardApp.class, args);
        // launch returns once the UI has closed and the composition's stop() has signed out and
        // closed the media engine; threads a library left non-daemon (libjitsi's, once a phone line
        // started it) would keep an invisible process alive, found by the installed client's test
        LoggerFactory.getLogger(Main.class).info("Closed");
        System.exit(0);
    }
}
