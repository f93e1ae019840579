package io.switchboard.e2e.ui;

import io.switchboard.app.AppComposition;
import io.switchboard.app.LaunchOptions;
import io.switchboard.app.preset.SystemPresetFile;
import io.switchboard.app.settings.PlatformDirectories;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import javafx.application.Application;
import javafx.stage.Stage;

import org.testfx.api.FxToolkit;

/**
 * The real client as {@code Main} composes it ({@link AppComposition}: settings, vault, threads,
 * dispatcher, Smack sessions, every view), on TestFX's primary stage. Settings and logs live under
 * a test's own home directory, so no test sees another's trusted certificates or settings.
 */
final class ComposedClient implements AutoCloseable {

    private final Application application;

    private ComposedClient(Application application) {
        this.application = application;
    }

    /** Prepares the composition (off the FX thread, as {@code Application.init}) and shows its sign-in window. */
    static ComposedClient launch(Path home, LaunchOptions options) throws TimeoutException {
        return launch(home, options, Map.of());
    }

    /** As {@link #launch(Path, LaunchOptions)}, with environment variables (e.g. for --password-env). */
    static ComposedClient launch(Path home, LaunchOptions options, Map<String, String> environment)
            throws TimeoutException {
        // Linux layout under the test's home: home/.config/switchboard, home/.local/state/switchboard
        PlatformDirectories directories = new PlatformDirectories(Map.of(), "Linux", home);
        // never the machine's /etc/switchboard/client.properties: a test that wants a preset names its own
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.putIfAbsent(SystemPresetFile.LOCATION_VARIABLE, home.resolve("no-system-preset.properties").toString());
        AppComposition composition = new AppComposition(options, env, directories);
        FxToolkit.registerPrimaryStage();
        return new ComposedClient(FxToolkit.setupApplication(() -> new Hosted(composition)));
    }

    /** Stops the application as closing it would (signs out), then hides whatever windows are left. */
    @Override
    public void close() throws TimeoutException {
        FxToolkit.cleanupApplication(application);
        FxToolkit.cleanupStages();
    }

    /** What {@code SwitchboardApp} does, minus reading the real command line and home directory. */
    private static final class Hosted extends Application {
        private final AppComposition composition;

        Hosted(AppComposition composition) {
            this.composition = composition;
        }

        @Override
        public void init() {
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
}
