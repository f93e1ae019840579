package io.switchboard.app.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Which vault is chosen, and the exact tool command lines, without touching a real keyring. */
class CredentialVaultsTest {

    private static final Path DIR = Path.of("/tmp/vault");

    /** Records every command and answers with queued results. */
    private static final class ScriptedRunner implements CommandRunner {
        final List<List<String>> commands = new ArrayList<>();
        final List<Optional<String>> inputs = new ArrayList<>();
        final Deque<Object> answers = new ArrayDeque<>();

        ScriptedRunner answer(int exit, String stdout, String stderr) {
            answers.add(new Result(exit, stdout, stderr));
            return this;
        }

        ScriptedRunner missingTool() {
            answers.add(new IOException("Cannot run program: No such file or directory"));
            return this;
        }

        @Override
        public Result run(List<String> command, Optional<String> stdin, Duration timeout) throws IOException {
            commands.add(command);
            inputs.add(stdin);
            Object answer = answers.poll();
            if (answer instanceof IOException e) {
                throw e;
            }
            return (Result) answer;
        }
    }

    private static CredentialVault select(PlatformDirectories.Os os, ScriptedRunner runner, boolean dpapi) {
        return new CredentialVaults(os, runner, DIR, SecretToolVault::works, MacKeychainVault::works, () -> dpapi).select();
    }

    @Test
    void linuxUsesSecretToolWhenTheKeyringAnswers() {
        var runner = new ScriptedRunner().answer(1, "", "");
        assertThat(select(PlatformDirectories.Os.LINUX, runner, false)).isInstanceOf(SecretToolVault.class);
        assertThat(runner.commands).containsExactly(
                List.of("secret-tool", "lookup", "service", "switchboard", "account", "probe@switchboard.invalid"));
    }

    @Test
    void linuxWithoutSecretToolOrWithoutAKeyringRemembersNothing() {
        assertThat(select(PlatformDirectories.Os.LINUX, new ScriptedRunner().missingTool(), false))
                .isInstanceOf(NoCredentialVault.class);
        assertThat(select(PlatformDirectories.Os.LINUX,
                new ScriptedRunner().answer(1, "", "Cannot autolaunch D-Bus without X11 $DISPLAY"), false))
                .isInstanceOf(NoCredentialVault.class);
    }

    @Test
    void macUsesTheKeychainWhenSecurityWorks() {
        assertThat(select(PlatformDirectories.Os.MAC, new ScriptedRunner().answer(0, "login.keychain", ""), false))
                .isInstanceOf(MacKeychainVault.class);
        assertThat(select(PlatformDirectories.Os.MAC, new ScriptedRunner().missingTool(), false))
                .isInstanceOf(NoCredentialVault.class);
    }

    @Test
    void windowsUsesDpapiWhenItWorks() {
        assertThat(select(PlatformDirectories.Os.WINDOWS, new ScriptedRunner(), true)).isInstanceOf(DpapiVault.class);
        assertThat(select(PlatformDirectories.Os.WINDOWS, new ScriptedRunner(), false)).isInstanceOf(NoCredentialVault.class);
    }

    @Test
    void secretToolGetsThePasswordOnStandardInputOnly() throws Exception {
        var runner = new ScriptedRunner().answer(0, "", "").answer(0, "s3cret", "").answer(1, "", "").answer(0, "", "");
        var vault = new SecretToolVault(runner);

        vault.store("alice@example.com", "s3cret".toCharArray());
        assertThat(runner.commands.get(0)).containsExactly("secret-tool", "store", "--label=Switchboard: alice@example.com",
                "service", "switchboard", "account", "alice@example.com");
        assertThat(runner.inputs.get(0)).contains("s3cret");
        assertThat(String.join(" ", runner.commands.get(0))).doesNotContain("s3cret");

        assertThat(vault.load("alice@example.com")).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("s3cret"));
        assertThat(vault.load("alice@example.com")).isEmpty();
        vault.delete("alice@example.com");
        assertThat(runner.commands.get(3)).containsExactly("secret-tool", "clear", "service", "switchboard",
                "account", "alice@example.com");
    }

    @Test
    void secretToolFailuresSayWhy() {
        var vault = new SecretToolVault(new ScriptedRunner().answer(1, "", "Cannot create an item in a locked collection"));
        assertThatThrownBy(() -> vault.store("alice@example.com", "x".toCharArray()))
                .isInstanceOf(CredentialVaultException.class)
                .hasMessageContaining("locked collection");
    }

    @Test
    void keychainStoresThroughStandardInputAndQuotes() throws Exception {
        var runner = new ScriptedRunner().answer(0, "", "").answer(0, "pa\"ss\n", "").answer(44, "", "not found")
                .answer(44, "", "not found");
        var vault = new MacKeychainVault(runner);

        vault.store("alice@example.com", "pa\"ss".toCharArray());
        assertThat(runner.commands.get(0)).containsExactly("security", "-i");
        assertThat(runner.inputs.get(0)).contains("add-generic-password -U -s \"Switchboard\" -a \"alice@example.com\""
                + " -l \"Switchboard: alice@example.com\" -w \"pa\\\"ss\"\n");

        assertThat(vault.load("alice@example.com")).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("pa\"ss"));
        assertThat(runner.commands.get(1)).containsExactly("security", "find-generic-password", "-s", "Switchboard",
                "-a", "alice@example.com", "-w");
        assertThat(vault.load("alice@example.com")).isEmpty();
        vault.delete("alice@example.com");   // nothing stored: not an error
        assertThat(runner.commands.get(3)).containsExactly("security", "delete-generic-password", "-s", "Switchboard",
                "-a", "alice@example.com");
    }

    @Test
    void dpapiFileNamesCannotEscapeTheDirectory() {
        Path file = new DpapiVault(DIR).fileOf("../../etc/passwd");
        assertThat(file.getParent()).isEqualTo(DIR);
        assertThat(file.getFileName().toString()).matches("[0-9a-f]{64}\\.dpapi");
    }

    @Test
    void withoutAVaultNothingIsKept() throws Exception {
        var vault = new NoCredentialVault();
        vault.store("alice@example.com", "secret".toCharArray());
        assertThat(vault.load("alice@example.com")).isEmpty();
        assertThat(vault.canRemember()).isFalse();
    }
}
