package io.switchboard.app.main;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import io.switchboard.app.FakeClientSession;
import io.switchboard.app.FakeClientSession.PublishedPresence;
import io.switchboard.app.settings.AppSettings;
import io.switchboard.app.settings.SettingsModel;
import io.switchboard.app.ui.DirectUi;
import io.switchboard.app.ui.ManualScheduler;
import io.switchboard.core.model.Availability;
import io.switchboard.core.service.SessionState;

import java.time.Duration;
import java.util.Optional;

import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/** Smoke test of the main window, headless: picker, banner, and the buddy list in the centre. */
class MainWindowViewTest extends ApplicationTest {

    private final FakeClientSession session = FakeClientSession.connected("alice@example.com");
    private final SettingsModel settings = new SettingsModel(AppSettings.defaults(), s -> { });

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        DirectUi ui = new DirectUi();
        MainWindowViewModel viewModel = new MainWindowViewModel(session, ui, ui, new ManualScheduler(), settings,
                () -> { });
        Label buddyList = new Label("buddies");
        buddyList.setId("buddyList");
        stage.setScene(new Scene(new MainWindowView(viewModel, buddyList, new io.switchboard.app.about.AboutViewModel("test", name -> null)).root(), 400, 600));
        stage.show();
    }

    @Test
    void pickerPublishesAndBannerFollowsTheConnection() {
        assertThat(lookup("#buddyList").tryQuery()).isPresent();
        MenuButton picker = lookup("#presencePicker").query();
        Node banner = lookup("#connectionBanner").query();
        assertThat(picker.getText()).isEqualTo("Available");
        assertThat(picker.getItems()).extracting(MenuItem::getText)
                .containsExactly("Available", "Away", "Busy", "Do not disturb");
        assertThat(banner.getParent().isVisible()).isFalse();

        clickOn(picker).clickOn("Busy");
        assertThat(session.published).containsExactly(new PublishedPresence(Availability.BUSY, ""));

        interact(() -> {
            session.fireState(SessionState.RECONNECTING, Optional.empty());
            session.fireReconnectScheduled(1, Duration.ofSeconds(4));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(banner.getParent().isVisible()).isTrue();
        assertThat(picker.isVisible()).isFalse();
        assertThat(lookup("#offlinePresence").query().isVisible()).isTrue();

        interact(() -> session.fireState(SessionState.CONNECTED, Optional.empty()));
        assertThat(banner.getParent().isVisible()).isFalse();
        assertThat(picker.isVisible()).isTrue();
        assertThat(picker.getText()).isEqualTo("Busy");
        assertThat(picker.getAccessibleText()).isEqualTo("My presence: Busy");
    }

    @Test
    void preferencesDialogAppliesOnOk() {
        clickOn("#preferencesButton");
        clickOn("#preferences-show-offline");
        clickOn("#preferences-auto-away");
        assertThat(settings.get().showOfflineContacts()).isTrue();   // not before OK

        clickOn("OK");

        assertThat(settings.get().showOfflineContacts()).isFalse();
        assertThat(settings.get().autoAwayMinutes()).isZero();
    }
}
