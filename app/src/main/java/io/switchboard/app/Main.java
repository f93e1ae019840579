package io.switchboard.app;

import io.switchboard.app.settings.PlatformDirectories;

import javafx.application.Application;

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
        Application.launch(SwitchboardApp.class, args);
    }
}
