package io.switchboard.e2e.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;

/**
 * Pictures of the client's windows for {@code docs/screenshots}: written there with
 * {@code -Dscreenshots=true} (or {@code -Dscreenshots.dir=...}), else under
 * {@code target/screenshots}; every one is checked to be a real picture, not an empty window.
 */
final class Screenshots {

    private Screenshots() {
    }

    static Path folder() throws IOException {
        Path target = Boolean.getBoolean("screenshots")
                ? Path.of(System.getProperty("screenshots.dir", "../docs/screenshots"))
                : Path.of("target", "screenshots");
        return Files.createDirectories(target);
    }

    /** Saves the window titled {@code title} as {@code name}.png and checks the picture; returns the file. */
    static Path save(String title, String name) throws IOException {
        Path file = folder().resolve(name + ".png");
        WritableImage image = UiTestSupport.fx(() -> {
            Stage stage = Window.getWindows().stream().filter(w -> w instanceof Stage s && title.equals(s.getTitle()))
                    .map(Stage.class::cast).findFirst().orElseThrow(() -> new AssertionError("no window " + title));
            return stage.getScene().snapshot(null);
        });
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        assertIsAPicture(file);
        return file;
    }

    static void assertIsAPicture(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).as("%s width", file).isGreaterThanOrEqualTo(260);
        assertThat(image.getHeight()).as("%s height", file).isGreaterThanOrEqualTo(300);
        assertThat(distinctColours(image)).as("%s is a picture, not an empty window", file).isGreaterThan(50);
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
