package io.switchboard.app;

import io.switchboard.app.settings.Theme;
import io.switchboard.xmpp.tls.CertificateFingerprint;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/**
 * The command line of the client, mostly for the demo launcher and IT pre-configuration.
 * The password is never an argument (every local user could read it in the process list):
 * {@code --password-env} names the environment variable that holds it.
 *
 * @param passwordEnv      name of the environment variable with the password
 * @param trustFingerprint SHA-256 fingerprint of a server certificate the launcher vouches for
 *                         (the bundled demo server's); trusted for {@code server} in this run only
 */
public record LaunchOptions(Optional<String> server, Optional<String> user, Optional<String> passwordEnv,
                            Optional<String> trustFingerprint, boolean autoSignIn, Optional<Theme> theme) {

    public static final LaunchOptions NONE = new LaunchOptions(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), false, Optional.empty());

    /** @throws CommandLine.ParameterException with a message for the user when the line is wrong */
    public static LaunchOptions parse(String... args) {
        Arguments arguments = new Arguments();
        CommandLine line = commandLine(arguments);
        line.parseArgs(args);
        arguments.validate(line);
        return new LaunchOptions(Optional.ofNullable(arguments.server), Optional.ofNullable(arguments.user),
                Optional.ofNullable(arguments.passwordEnv), Optional.ofNullable(arguments.trustFingerprint),
                arguments.autoSignIn, Optional.ofNullable(arguments.theme));
    }

    /**
     * Checks the command line; picocli itself prints the help, the version or what is wrong
     * with the line (to the console, where the person who typed it looks).
     *
     * @return 0 when the application should start (or help was shown), else the exit code
     */
    public static int check(String... args) {
        return commandLine(new Arguments()).execute(args);
    }

    /** True when the line only asks for help or the version. */
    public static boolean isHelpRequest(String... args) {
        CommandLine line = commandLine(new Arguments());
        try {
            line.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return false;
        }
        return line.isUsageHelpRequested() || line.isVersionHelpRequested();
    }

    public static String usage() {
        return commandLine(new Arguments()).getUsageMessage();
    }

    /** The password from the named environment variable; empty when not given or not set. */
    public Optional<char[]> password(Map<String, String> environment) {
        return passwordEnv.map(environment::get).filter(p -> !p.isEmpty()).map(String::toCharArray);
    }

    private static CommandLine commandLine(Arguments arguments) {
        return new CommandLine(arguments).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Command(name = "switchboard", mixinStandardHelpOptions = true, version = "Switchboard 0.1",
            description = "Switchboard desktop client.")
    static final class Arguments implements Callable<Integer> {
        @Option(names = "--server", paramLabel = "HOST[:PORT]|DOMAIN",
                description = "Server: a domain (found through DNS SRV) or host:port.")
        String server;

        @Option(names = "--user", paramLabel = "USER@DOMAIN", description = "The user to sign in as.")
        String user;

        @Option(names = "--password-env", paramLabel = "VAR",
                description = "Read the password from this environment variable.")
        String passwordEnv;

        @Option(names = "--trust-fingerprint", paramLabel = "SHA256",
                description = "Trust the server certificate with this SHA-256 fingerprint for this run.")
        String trustFingerprint;

        @Option(names = "--auto-sign-in", description = "Sign in at once.")
        boolean autoSignIn;

        @Option(names = "--theme", paramLabel = "light|dark", description = "Light or dark look.")
        Theme theme;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            validate(spec.commandLine());
            return 0;
        }

        void validate(CommandLine line) {
            if (autoSignIn && (user == null || passwordEnv == null)) {
                throw new CommandLine.ParameterException(line, "--auto-sign-in needs --user and --password-env");
            }
            if (trustFingerprint != null) {
                try {
                    CertificateFingerprint.normalise(trustFingerprint);
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(line, "--trust-fingerprint: " + e.getMessage());
                }
            }
        }
    }
}
