package io.switchboard.app.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Popup;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

class ToastNotifierTest extends ApplicationTest {

    private final ToastNotifier toast = new ToastNotifier(javafx.util.Duration.millis(300));
    /** Long enough that a loaded machine never sees it expire during a test. */
    private final ToastNotifier lasting = new ToastNotifier(javafx.util.Duration.minutes(1));

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(new StackPane(new Label("main window")), 300, 200));
        stage.show();
    }

    @Test
    void showsTitleAndTextThenGoesAwayByItself() {
        AtomicReference<Popup> shown = new AtomicReference<>();
        // looked at in the same FX task: the short timer cannot have run yet
        interact(() -> {
            toast.notify("Bob Brown", "are you there?");
            shown.set(toast.showing().orElse(null));
        });

        Popup popup = shown.get();
        assertThat(popup).isNotNull();
        assertThat(popup.getContent().get(0).lookupAll(".label")).extracting(n -> ((Label) n).getText())
                .containsExactly("Bob Brown", "are you there?");

        await().atMost(Duration.ofSeconds(5)).until(() -> !popup.isShowing());
    }

    @Test
    void aNewerMessageReplacesTheToast() {
        interact(() -> lasting.notify("Bob Brown", "one"));
        Popup first = lasting.showing().orElseThrow();

        interact(() -> lasting.notify("Carol", "two"));

        assertThat(first.isShowing()).isFalse();
        Popup second = lasting.showing().orElseThrow();
        assertThat(second).isNotSameAs(first);
        interact(second::hide);
    }

    @Test
    void headlessDesktopFallsBackToToasts() {
        DesktopNotifier notifier = new DesktopNotifier("Switchboard");

        assertThat(notifier.delegate()).isInstanceOf(ToastNotifier.class);
    }
}
