package io.switchboard.e2e.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.app.LaunchOptions;
import io.switchboard.app.preset.SystemPresetFile;
import io.switchboard.core.model.Address;
import io.switchboard.core.version.SwitchboardVersion;
import io.switchboard.e2e.BundledServerFixture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * IT's pre-configuration (ADR 0031) as a user meets it: the client started with a system-wide
 * configuration file that presets and locks the bundled server, its account type and its
 * certificate. The sign-in window shows them filled in and not editable, the user still signs
 * in, and "About Switchboard" (from the sign-in window and the main window's Help menu) tells the
 * version the build stamped in.
 */
class UiSystemPresetIT extends UiTestSupport {

    @RegisterExtension
    static final BundledServerFixture SERVER = new BundledServerFixture();

    @TempDir
    Path home;

    private ComposedClient presetClient;

    @Override
    BundledServerFixture server() {
        return SERVER;
    }

    @AfterEach
    void closePresetClient() throws Exception {
        if (presetClient != null) {
            presetClient.close();
            presetClient = null;
        }
    }

    @Test
    void theSignInWindowShowsTheAdministratorsPresetLockedAndTheUserSignsIn() throws Exception {
        Address alice = newUser("preset-alice");
        Path preset = Files.writeString(home.resolve("client.properties"), """
                # as IT writes it when installing the client
                server = %s
                account-type = xmpp
                trust-fingerprint = %s
                call-mode = softphone
                colour = blue
                locked = server, account-type, trust-fingerprint
                """.formatted(serverText(), SERVER.certificateFingerprint()));
        presetClient = ComposedClient.launch(home, LaunchOptions.NONE,
                Map.of(SystemPresetFile.LOCATION_VARIABLE, preset.toString()));

        await().atMost(WAIT).until(() -> fx(() -> robot.lookup("#server").tryQuery().isPresent()));
        TextField server = fx(() -> robot.lookup("#server").queryAs(TextField.class));
        assertThat(fx(() -> server.getText())).isEqualTo(serverText());
        assertThat(fx(() -> server.isDisabled())).as("the locked server field").isTrue();
        assertThat(fx(() -> server.getAccessibleText())).contains("set by your administrator");
        assertThat(fx(() -> robot.lookup("#accountTypeXmpp").query().isDisabled())).isTrue();
        assertThat(fx(() -> robot.lookup("#accountTypeSip").query().isDisabled())).isTrue();
        assertThat(fx(() -> robot.lookup("#user").query().isDisabled())).as("the user's own field").isFalse();
        Node notice = fx(() -> robot.lookup("#preset-notice").query());
        assertThat(fx(() -> shown(notice))).isTrue();
        if (Boolean.getBoolean("screenshots")) {
            Screenshots.save("Switchboard — Sign in", "sign-in-preset");
        }

        robot.clickOn("#sign-in-about");
        assertAboutShowsTheVersion();

        robot.clickOn("#user").write(alice.toString());
        robot.clickOn("#password").write(password(alice));
        robot.clickOn("#signIn");
        // no certificate question: IT vouched for the server's certificate in the file
        awaitMainWindow(alice);

        robot.clickOn("Help");
        robot.clickOn("About Switchboard");
        assertAboutShowsTheVersion();
    }

    private void assertAboutShowsTheVersion() {
        await().atMost(WAIT).until(() -> fx(() -> robot.lookup("#about-version").tryQuery().isPresent()));
        String version = fx(() -> robot.lookup("#about-version").queryAs(Label.class).getText());
        assertThat(version).isEqualTo(SwitchboardVersion.current()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(fx(() -> robot.lookup("#about-javafx").queryAs(Label.class).getText())).isNotEqualTo("unknown");
        robot.clickOn(dialogButton("Close"));
        await().atMost(WAIT).until(() -> fx(() -> robot.lookup("#about-version").tryQuery().isEmpty()));
    }
}
