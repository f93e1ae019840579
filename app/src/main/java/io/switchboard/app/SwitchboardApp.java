package io.switchboard.app;

import io.switchboard.app.settings.PlatformDirectories;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: hands everything to the {@link AppComposition}. */
public final class SwitchboardApp extends Application {

    private AppComposition composition;

    /** On the launcher thread: parse the command line, read settings, probe the platform. */
    @Override
    public void init() {
        Logging.installJulBridge();
        LaunchOptions options = LaunchOptions.parse(getParameters().getRaw().toArray(String[]::new));
        composition = new AppComposition(options, System.getenv(), PlatformDirectories.current());
        composition.prepare();
    }

    @Override
    public void start(Stage stage) {
        composition.start(stage, getHostServices());
    }

    @Override
    public void stop() {
        composition.stop();
    }
}
