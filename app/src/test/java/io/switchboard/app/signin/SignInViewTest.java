package io.switchboard.app.signin;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import io.switchboard.app.FakeClientSession;
import io.switchboard.app.settings.AppSettings;
import io.switchboard.app.settings.FakeVault;
import io.switchboard.app.settings.SettingsModel;
import io.switchboard.app.ui.DirectUi;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/** Smoke test of the real sign-in form, headless: the button follows the fields, Enter signs in. */
class SignInViewTest extends ApplicationTest {

    private final List<SignedIn> signedIn = new CopyOnWriteArrayList<>();

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        SignInViewModel viewModel = new SignInViewModel(account -> new FakeClientSession(account.user()),
                new SettingsModel(AppSettings.defaults(), s -> { }), new FakeVault(), new DirectUi(), signedIn::add);
        stage.setScene(new Scene(new SignInView(viewModel, new io.switchboard.app.about.AboutViewModel("test", name -> null)).root(), 420, 600));
        stage.show();
    }

    @Test
    void signInIsDisabledUntilTheFieldsAreFilled() {
        Button signIn = lookup("#signIn").queryButton();
        assertThat(signIn.isDisabled()).isTrue();
        assertThat(signIn.isDefaultButton()).isTrue();

        clickOn("#user").write("alice@localhost");
        assertThat(signIn.isDisabled()).isTrue();

        clickOn("#password").write("secret");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(signIn.isDisabled()).isFalse();

        clickOn("#signIn");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(signedIn).singleElement()
                .satisfies(s -> assertThat(s.session().self().toJid()).isEqualTo("alice@localhost"));
    }
}
