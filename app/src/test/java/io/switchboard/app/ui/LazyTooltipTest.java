package io.switchboard.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

/** A tooltip made when the pointer first reaches its control, headless. */
class LazyTooltipTest extends ApplicationTest {

    private Stage stage;
    private Button hinted;

    @Override
    public void start(Stage primary) {
        stage = new Stage();
        hinted = new Button("hinted");
        LazyTooltip.install(hinted, "What this does");
        stage.setScene(new Scene(new VBox(40, new Button("elsewhere"), hinted), 200, 150));
        stage.show();
    }

    @AfterEach
    void closeStage() {
        interact(stage::close);
    }

    @Test
    void noTooltipUntilThePointerComesThenTheHint() {
        moveTo("elsewhere");
        assertThat(hinted.getTooltip()).isNull();

        moveTo(hinted);

        assertThat(hinted.getTooltip()).isNotNull();
        assertThat(hinted.getTooltip().getText()).isEqualTo("What this does");
    }
}
