package io.switchboard.app.settings;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Linux: the desktop's Secret Service (GNOME Keyring, KWallet) through libsecret's
 * {@code secret-tool}. The password travels on standard input, never in the command line.
 */
public final class SecretToolVault implements CredentialVault {

    static final String TOOL = "secret-tool";
    static final String SERVICE = "switchboard";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);   // the keyring may ask to be unlocked

    private final CommandRunner runner;

    public SecretToolVault(CommandRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    @Override
    public String description() {
        return "the desktop keyring (Secret Service)";
    }

    static List<String> storeCommand(String account) {
        return List.of(TOOL, "store", "--label=Switchboard: " + account, "service", SERVICE, "account", account);
    }

    static List<String> lookupCommand(String account) {
        return List.of(TOOL, "lookup", "service", SERVICE, "account", account);
    }

    static List<String> clearCommand(String account) {
        return List.of(TOOL, "clear", "service", SERVICE, "account", account);
    }

    @Override
    public void store(String account, char[] password) throws CredentialVaultException {
        var result = run(storeCommand(account), Optional.of(new String(password)));
        if (!result.succeeded()) {
            throw failed("store the password", result);
        }
    }

    @Override
    public Optional<char[]> load(String account) throws CredentialVaultException {
        var result = run(lookupCommand(account), Optional.empty());
        if (result.succeeded()) {
            return Optional.of(result.stdout().toCharArray());   // secret-tool prints the secret without a newline
        }
        if (result.exitCode() == 1 && result.stderr().isBlank()) {
            return Optional.empty();   // nothing stored
        }
        throw failed("read the password", result);
    }

    @Override
    public void delete(String account) throws CredentialVaultException {
        var result = run(clearCommand(account), Optional.empty());
        if (!result.succeeded() && !(result.exitCode() == 1 && result.stderr().isBlank())) {
            throw failed("forget the password", result);
        }
    }

    /** Works when a lookup of a surely-absent entry answers "not found" cleanly (a reachable keyring). */
    static boolean works(CommandRunner runner) {
        try {
            var result = runner.run(lookupCommand("probe@switchboard.invalid"), Optional.empty(), Duration.ofSeconds(5));
            return (result.exitCode() == 0 || result.exitCode() == 1) && result.stderr().isBlank();
        } catch (IOException e) {
            return false;
        }
    }

    private CommandRunner.Result run(List<String> command, Optional<String> stdin) throws CredentialVaultException {
        try {
            return runner.run(command, stdin, TIMEOUT);
        } catch (IOException e) {
            throw new CredentialVaultException("The keyring could not be used: " + e.getMessage(), e);
        }
    }

    private static CredentialVaultException failed(String what, CommandRunner.Result result) {
        return new CredentialVaultException("The keyring could not " + what + " (secret-tool exit "
                + result.exitCode() + (result.stderr().isBlank() ? "" : ": " + result.stderr().strip()) + ")");
    }
}
