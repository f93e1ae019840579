package io.switchboard.app;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Toggle;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import javax.imageio.ImageIO;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --smoke-test DIR}: proves an installation works on this machine, as the installers' checks
 * and IT staff use it. Once the first window is on screen it saves its picture
 * ({@code smoke-test.png}) and a report ({@code smoke-test.properties}: the window's title, the
 * time from process start to the window, and every named control's value and whether it can be
 * changed, so a preset's locked fields can be checked; never a password), then ends the
 * application: exit code 0. With {@code --auto-sign-in} the window that counts is the main window,
 * so a signed-in session is proven too. A window that does not come up within
 * {@link #WINDOW_TIMEOUT} (or a sign-in that fails) ends the process with exit code 1.
 */
final class SmokeTest {

    static final Duration WINDOW_TIMEOUT = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(SmokeTest.class);
    /** Two frames after showing: the window has been laid out and drawn once. */
    private static final Duration SETTLE = Duration.ofMillis(300);

    private final Path dir;
    private final Stage stage;
    private final boolean untilSignedIn;

    /** @param untilSignedIn wait for the main window, not the sign-in window */
    SmokeTest(Path dir, Stage stage, boolean untilSignedIn) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.stage = Objects.requireNonNull(stage, "stage");
        this.untilSignedIn = untilSignedIn;
    }

    /** On the UI thread, after the first window was asked to show. */
    void start() {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(WINDOW_TIMEOUT.toMillis());
                LOG.error("Smoke test failed: no window within {} s", WINDOW_TIMEOUT.toSeconds());
                // the launcher's exit code is what an installer check reads
                Runtime.getRuntime().halt(1);
            } catch (InterruptedException done) {
                Thread.currentThread().interrupt();
            }
        }, "smoke-test-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        if (awaited()) {
            settleThenReport(watchdog);
            return;
        }
        javafx.beans.InvalidationListener check = new javafx.beans.InvalidationListener() {
            @Override
            public void invalidated(javafx.beans.Observable changed) {
                if (awaited()) {
                    stage.showingProperty().removeListener(this);
                    stage.titleProperty().removeListener(this);
                    settleThenReport(watchdog);
                }
            }
        };
        stage.showingProperty().addListener(check);
        stage.titleProperty().addListener(check);
    }

    /** The sign-in and main windows share the stage: the title tells which one is up. */
    private boolean awaited() {
        return stage.isShowing() && (!untilSignedIn
                || (stage.getTitle() != null && !stage.getTitle().endsWith("Sign in")));
    }

    private void settleThenReport(Thread watchdog) {
        long shownAfterMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        PauseTransition settle = new PauseTransition(javafx.util.Duration.millis(SETTLE.toMillis()));
        settle.setOnFinished(e -> {
            try {
                Files.createDirectories(dir);
                WritableImage picture = stage.getScene().snapshot(null);
                ImageIO.write(SwingFXUtils.fromFXImage(picture, null), "png", dir.resolve("smoke-test.png").toFile());
                writeReport(shownAfterMillis);
                LOG.info("Smoke test passed: \"{}\" shown {} ms after start; report in {}", stage.getTitle(),
                        shownAfterMillis, dir);
                watchdog.interrupt();
                Platform.exit();
            } catch (IOException | RuntimeException failure) {
                LOG.error("Smoke test failed: cannot write the picture or report to {}", dir, failure);
                Runtime.getRuntime().halt(1);
            }
        });
        settle.play();
    }

    private void writeReport(long shownAfterMillis) throws IOException {
        Map<String, String> report = new TreeMap<>();
        report.put("window.title", stage.getTitle());
        report.put("window.shown-after-ms", Long.toString(shownAfterMillis));
        report.put("java.version", System.getProperty("java.version"));
        report.put("javafx.version", System.getProperty("javafx.runtime.version", "?"));
        controls(stage.getScene().getRoot(), report);
        try (Writer out = Files.newBufferedWriter(dir.resolve("smoke-test.properties"), StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> line : report.entrySet()) {
                out.write(line.getKey() + "=" + line.getValue().replace("\n", " ") + "\n");
            }
        }
    }

    /** Every control with an id: its value and whether the user can change it. */
    private static void controls(Node node, Map<String, String> report) {
        String id = node.getId();
        if (id != null) {
            valueOf(node).ifPresent(value -> {
                report.put("control." + id + ".value", value);
                report.put("control." + id + ".disabled", Boolean.toString(node.isDisabled()));
            });
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> controls(child, report));
        }
    }

    private static java.util.Optional<String> valueOf(Node node) {
        if (node instanceof javafx.scene.control.PasswordField password) {
            return java.util.Optional.of(password.getText() == null || password.getText().isEmpty() ? "" : "(hidden)");
        }
        if (node instanceof TextInputControl text) {
            return java.util.Optional.of(text.getText() == null ? "" : text.getText());
        }
        if (node instanceof ComboBoxBase<?> combo) {
            return java.util.Optional.of(String.valueOf(combo.getValue()));
        }
        if (node instanceof Toggle toggle) {
            return java.util.Optional.of(Boolean.toString(toggle.isSelected()));
        }
        if (node instanceof Labeled labeled && node instanceof javafx.scene.control.ButtonBase) {
            return java.util.Optional.of(labeled.getText() == null ? "" : labeled.getText());
        }
        return java.util.Optional.empty();
    }
}
