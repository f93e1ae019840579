package io.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.app.settings.Theme;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class LaunchOptionsTest {

    @Test
    void theDemoLauncherLine() {
        LaunchOptions options = LaunchOptions.parse("--server", "localhost:5222", "--user", "alice@localhost",
                "--password-env", "SB_PW", "--trust-fingerprint", "ab".repeat(32), "--auto-sign-in", "--theme", "dark");

        assertThat(options.server()).contains("localhost:5222");
        assertThat(options.user()).contains("alice@localhost");
        assertThat(options.autoSignIn()).isTrue();
        assertThat(options.theme()).contains(Theme.DARK);
        assertThat(options.trustFingerprint()).contains("ab".repeat(32));
        assertThat(options.password(Map.of("SB_PW", "secret"))).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("secret"));
        assertThat(options.password(Map.of())).isEmpty();
    }

    @Test
    void nothingGivenIsNothingSet() {
        assertThat(LaunchOptions.parse()).isEqualTo(LaunchOptions.NONE);
        assertThat(LaunchOptions.NONE.password(Map.of("X", "y"))).isEqualTo(Optional.empty());
    }

    @Test
    void badLinesAreRefusedWithAReason() {
        assertThatThrownBy(() -> LaunchOptions.parse("--password", "secret"))
                .isInstanceOf(CommandLine.ParameterException.class);
        assertThatThrownBy(() -> LaunchOptions.parse("--auto-sign-in", "--user", "alice@localhost"))
                .hasMessageContaining("--password-env");
        assertThatThrownBy(() -> LaunchOptions.parse("--trust-fingerprint", "12:34"))
                .hasMessageContaining("SHA-256");
        assertThatThrownBy(() -> LaunchOptions.parse("--theme", "purple"))
                .isInstanceOf(CommandLine.ParameterException.class);
    }

    @Test
    void helpIsRecognised() {
        assertThat(LaunchOptions.isHelpRequest("--help")).isTrue();
        assertThat(LaunchOptions.isHelpRequest("--user", "a@b")).isFalse();
        assertThat(LaunchOptions.usage()).contains("--password-env");
    }

    @Test
    void versionPrintsTheStampedVersionAndExitsWithoutStarting() {
        java.io.StringWriter out = new java.io.StringWriter();
        int exit = LaunchOptions.check(new java.io.PrintWriter(out, true), new java.io.PrintWriter(new java.io.StringWriter()),
                "--version");
        assertThat(exit).isZero();
        assertThat(out.toString().strip())
                .isEqualTo("Switchboard " + io.switchboard.core.version.SwitchboardVersion.current())
                .matches("Switchboard \\d+\\.\\d+\\.\\d+.*");
        // Main exits on a help request before JavaFX starts
        assertThat(LaunchOptions.isHelpRequest("--version")).isTrue();
    }
}
