package io.switchboard.app.settings;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * macOS: the login keychain through the {@code security} tool. Storing uses
 * {@code security -i} with the command on standard input, because {@code -w password} as a
 * program argument would show the password to every local user's {@code ps}.
 */
public final class MacKeychainVault implements CredentialVault {

    static final String TOOL = "security";
    static final String SERVICE = "Switchboard";
    /** {@code security}'s exit code for "the specified item could not be found". */
    static final int NOT_FOUND = 44;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final CommandRunner runner;

    public MacKeychainVault(CommandRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    @Override
    public String description() {
        return "the macOS keychain";
    }

    static List<String> interactiveCommand() {
        return List.of(TOOL, "-i");
    }

    /** One line for {@code security -i}; -U updates an existing item instead of failing. */
    static String storeScript(String account, char[] password) {
        return "add-generic-password -U -s " + quote(SERVICE) + " -a " + quote(account) + " -l "
                + quote("Switchboard: " + account) + " -w " + quote(new String(password)) + "\n";
    }

    static List<String> findCommand(String account) {
        return List.of(TOOL, "find-generic-password", "-s", SERVICE, "-a", account, "-w");
    }

    static List<String> deleteCommand(String account) {
        return List.of(TOOL, "delete-generic-password", "-s", SERVICE, "-a", account);
    }

    /** {@code security -i} splits its input like a shell: double quotes, with \ escaping " and \. */
    static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    @Override
    public void store(String account, char[] password) throws CredentialVaultException {
        var result = run(interactiveCommand(), Optional.of(storeScript(account, password)));
        // security -i exits 0 even when a command failed; a failure is reported on stderr
        if (!result.succeeded() || !result.stderr().isBlank()) {
            throw failed("store the password", result);
        }
    }

    @Override
    public Optional<char[]> load(String account) throws CredentialVaultException {
        var result = run(findCommand(account), Optional.empty());
        if (result.succeeded()) {
            String password = result.stdout();
            if (password.endsWith("\n")) {
                password = password.substring(0, password.length() - 1);
            }
            return Optional.of(password.toCharArray());
        }
        if (result.exitCode() == NOT_FOUND) {
            return Optional.empty();
        }
        throw failed("read the password", result);
    }

    @Override
    public void delete(String account) throws CredentialVaultException {
        var result = run(deleteCommand(account), Optional.empty());
        if (!result.succeeded() && result.exitCode() != NOT_FOUND) {
            throw failed("forget the password", result);
        }
    }

    static boolean works(CommandRunner runner) {
        try {
            return runner.run(List.of(TOOL, "default-keychain"), Optional.empty(), Duration.ofSeconds(5)).succeeded();
        } catch (IOException e) {
            return false;
        }
    }

    private CommandRunner.Result run(List<String> command, Optional<String> stdin) throws CredentialVaultException {
        try {
            return runner.run(command, stdin, TIMEOUT);
        } catch (IOException e) {
            throw new CredentialVaultException("The keychain could not be used: " + e.getMessage(), e);
        }
    }

    private static CredentialVaultException failed(String what, CommandRunner.Result result) {
        return new CredentialVaultException("The keychain could not " + what + " (security exit "
                + result.exitCode() + (result.stderr().isBlank() ? "" : ": " + result.stderr().strip()) + ")");
    }
}
