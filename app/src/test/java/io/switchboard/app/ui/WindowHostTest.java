package io.switchboard.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/** The window host, headless: a window prepared behind the shown one replaces it only when ready, whole. */
class WindowHostTest extends ApplicationTest {

    private WindowHost host;
    private VBox signIn;

    private Stage stage;

    /** A stage of its own: the host sizes its stage, which would stick to TestFX's shared primary stage. */
    @Override
    public void start(Stage primary) {
        stage = new Stage();
        signIn = new VBox(new Label("sign in"));
        host = new WindowHost(stage, List.of(), 300, 200);
        host.show(signIn, 300, 200, "Sign in");
    }

    @AfterEach
    void closeStage() {
        interact(stage::close);
    }

    private static VBox mainWindow() {
        HBox toolbar = new HBox(new Button("a"), new Button("b"), new Label("c"));
        VBox window = new VBox(new Label("menu"), toolbar, new Label("list"));
        window.setId("main");
        return window;
    }

    @Test
    void preparedWindowStaysHiddenUntilReadyThenReplacesTheShownOneWithAllItsParts() {
        SimpleBooleanProperty ready = new SimpleBooleanProperty(false);
        VBox main = mainWindow();
        Parent root = host.scene().getRoot();
        interact(() -> host.prepare(main, 320, 240).joinOneByOne(main, 2)
                .then(() -> main.getChildren().add(new Label("late part")))
                .showWhen(ready, Duration.ofSeconds(30), "Main"));
        WaitForAsyncUtils.waitForFxEvents(5);

        assertThat(host.shown()).isSameAs(signIn);
        assertThat(main.isVisible()).isFalse();
        assertThat(main.getScene()).as("prepared in the same scene").isSameAs(host.scene());
        assertThat(main.getChildren()).as("parts joined, styled").hasSize(4);
        assertThat(((HBox) main.getChildren().get(1)).getChildren()).hasSize(3);
        assertThat(main.getWidth()).isEqualTo(320);

        java.util.List<Object> scenes = new java.util.ArrayList<>();
        interact(() -> main.sceneProperty().addListener((obs, was, now) -> scenes.add(String.valueOf(now))));
        interact(() -> ready.set(true));
        WaitForAsyncUtils.waitForFxEvents(20);

        assertThat(host.shown()).isSameAs(main);
        assertThat(main.isVisible()).isTrue();
        assertThat(scenes).as("never taken out of the scene (that restyles it all)").isEmpty();
        assertThat(host.scene().getRoot().getChildrenUnmodifiable()).containsExactly(main);
        assertThat(signIn.getParent()).as("the sign-in form went").isNull();
        assertThat(host.scene().getRoot()).as("one root for the whole run").isSameAs(root);
        assertThat(((Stage) host.scene().getWindow()).getTitle()).isEqualTo("Main");
        assertThat(main.getHeight()).isEqualTo(240);
        assertThat(lookup("late part").tryQuery()).isPresent();
    }

    @Test
    void aWindowNotReadyInTimeIsShownAnyway() {
        VBox main = mainWindow();
        interact(() -> host.prepare(main, 300, 200).joinOneByOne(main, 1)
                .showWhen(new SimpleBooleanProperty(false), Duration.ofMillis(200), "Main"));
        WaitForAsyncUtils.sleep(600, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents(20);

        assertThat(host.shown()).isSameAs(main);
        assertThat(main.isVisible()).isTrue();
    }

    @Test
    void showingAnotherWindowMeanwhileDropsThePreparedOne() {
        SimpleBooleanProperty ready = new SimpleBooleanProperty(false);
        VBox main = mainWindow();
        VBox again = new VBox(new Label("sign in again"));
        interact(() -> host.prepare(main, 300, 200).joinOneByOne(main, 2).showWhen(ready, Duration.ofSeconds(30), "Main"));
        WaitForAsyncUtils.waitForFxEvents(5);

        interact(() -> host.show(again, 300, 200, "Sign in"));
        interact(() -> ready.set(true));
        WaitForAsyncUtils.waitForFxEvents(20);

        assertThat(host.shown()).isSameAs(again);
        assertThat(main.getScene()).isNull();
        assertThat(host.scene().getRoot().getChildrenUnmodifiable()).containsExactly(again);
    }
}
