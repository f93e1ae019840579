package io.switchboard.app.settings;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the password store of this platform by probing whether it really works (a Linux box
 * without a desktop session has {@code secret-tool} but no keyring to talk to). Probes start
 * tools: call this once at start, off the UI thread.
 */
public final class CredentialVaults {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialVaults.class);

    private final PlatformDirectories.Os os;
    private final CommandRunner runner;
    private final Path dpapiDirectory;
    private final Predicate<CommandRunner> secretToolWorks;
    private final Predicate<CommandRunner> keychainWorks;
    private final BooleanSupplier dpapiWorks;

    /** Probes the real tools and DPAPI. */
    public CredentialVaults(PlatformDirectories.Os os, CommandRunner runner, Path dpapiDirectory) {
        this(os, runner, dpapiDirectory, SecretToolVault::works, MacKeychainVault::works, DpapiVault::works);
    }

    CredentialVaults(PlatformDirectories.Os os, CommandRunner runner, Path dpapiDirectory,
                     Predicate<CommandRunner> secretToolWorks, Predicate<CommandRunner> keychainWorks,
                     BooleanSupplier dpapiWorks) {
        this.os = Objects.requireNonNull(os, "os");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.dpapiDirectory = Objects.requireNonNull(dpapiDirectory, "dpapiDirectory");
        this.secretToolWorks = secretToolWorks;
        this.keychainWorks = keychainWorks;
        this.dpapiWorks = dpapiWorks;
    }

    public CredentialVault select() {
        CredentialVault vault = switch (os) {
            case LINUX -> secretToolWorks.test(runner) ? new SecretToolVault(runner) : new NoCredentialVault();
            case MAC -> keychainWorks.test(runner) ? new MacKeychainVault(runner) : new NoCredentialVault();
            case WINDOWS -> dpapiWorks.getAsBoolean() ? new DpapiVault(dpapiDirectory) : new NoCredentialVault();
        };
        if (vault.canRemember()) {
            LOG.info("Passwords are remembered in {}", vault.description());
        } else {
            LOG.warn("No secure password store works on this system; passwords will not be remembered");
        }
        return vault;
    }
}
