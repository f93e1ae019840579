package io.switchboard.app.notify;

import io.switchboard.app.ui.Notifier;

import java.util.Objects;
import java.util.Optional;

import javafx.animation.PauseTransition;
import javafx.geometry.Rectangle2D;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Screen;
import javafx.stage.Window;
import javafx.util.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small popup in the bottom-right corner of the screen that goes away by itself: the
 * notification where the desktop has no system tray. A popup (not a stage) so it never takes
 * the keyboard focus from what the user is doing. Needs one showing window of the application
 * as its owner; without one the message is still in the conversation window and its badge.
 */
public final class ToastNotifier implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(ToastNotifier.class);
    private static final double MARGIN = 16;
    private static final String STYLESHEET = Objects.requireNonNull(
            ToastNotifier.class.getResource("toast.css"), "toast.css").toExternalForm();

    private final Duration visibleFor;
    private Popup current;

    public ToastNotifier() {
        this(Duration.seconds(5));
    }

    public ToastNotifier(Duration visibleFor) {
        this.visibleFor = Objects.requireNonNull(visibleFor, "visibleFor");
    }

    @Override
    public void notify(String title, String text) {
        Optional<Window> owner = Window.getWindows().stream().filter(Window::isShowing).findFirst();
        if (owner.isEmpty()) {
            LOG.debug("No window to anchor a notification on; '{}' is only in the conversation window", title);
            return;
        }
        if (current != null) {
            // one toast at a time: the newest message replaces the previous one
            current.hide();
        }
        Popup popup = build(title, text);
        current = popup;
        popup.show(owner.get());
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        popup.setX(screen.getMaxX() - popup.getWidth() - MARGIN);
        popup.setY(screen.getMaxY() - popup.getHeight() - MARGIN);
        PauseTransition timeout = new PauseTransition(visibleFor);
        timeout.setOnFinished(e -> hide(popup));
        timeout.play();
    }

    /** The toast showing now, for tests. */
    Optional<Popup> showing() {
        return Optional.ofNullable(current).filter(Popup::isShowing);
    }

    private Popup build(String title, String text) {
        Label heading = new Label(title);
        heading.getStyleClass().add("toast-title");
        Label body = new Label(text);
        body.getStyleClass().add("toast-text");
        body.setWrapText(true);
        VBox box = new VBox(heading, body);
        box.getStyleClass().add("toast");
        box.getStylesheets().add(STYLESHEET);
        box.setAccessibleRole(AccessibleRole.TEXT);
        box.setAccessibleText(title + ": " + text);
        Popup popup = new Popup();
        popup.getContent().add(box);
        popup.setAutoFix(true);
        popup.setHideOnEscape(true);
        box.setOnMouseClicked(e -> hide(popup));
        return popup;
    }

    private void hide(Popup popup) {
        popup.hide();
        if (current == popup) {
            current = null;
        }
    }
}
