package io.switchboard.app;

import io.switchboard.app.settings.AccountType;
import io.switchboard.app.settings.PhoneSettings;
import io.switchboard.app.settings.Theme;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.core.tls.CertificateFingerprint;
import io.switchboard.core.version.SwitchboardVersion;

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
 * @param accountType      XMPP or SIP; empty keeps the type last used
 * @param proxy            SIP primary proxy (for SIP, {@code user} is the address of record)
 * @param backupProxy      SIP backup proxy
 * @param xcapRoot         SIP: the XCAP root for answering watch requests (ADR 0019)
 * @param deskLine         the desk line's extension (SIP, or XMPP with a phone proxy); the sign-in form is
 *                         set to desk-phone mode on it
 * @param phoneProxy       XMPP: the SIP proxy of the account's calls (its phone server)
 * @param smokeTest        a folder: show the first window, write its picture and a report there,
 *                         and exit (installers' checks, {@link SmokeTest})
 */
public record LaunchOptions(Optional<String> server, Optional<String> user, Optional<String> passwordEnv,
                            Optional<String> trustFingerprint, boolean autoSignIn, Optional<Theme> theme,
                            Optional<AccountType> accountType, Optional<ProxyOption> proxy,
                            Optional<ProxyOption> backupProxy, Optional<String> xcapRoot,
                            Optional<String> deskLine, Optional<ProxyOption> phoneProxy,
                            Optional<java.nio.file.Path> smokeTest) {

    public static final LaunchOptions NONE = new LaunchOptions(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), false, Optional.empty());

    /** A SIP proxy as given on the command line: {@code host[:port]} with an optional {@code ;transport=udp|tcp|tls}. */
    public record ProxyOption(String address, SipTransport transport) {

        /** @throws IllegalArgumentException saying what is expected */
        public static ProxyOption parse(String text) {
            String s = text.strip();
            int semicolon = s.indexOf(';');
            if (semicolon < 0) {
                return new ProxyOption(s, SipTransport.UDP);
            }
            String parameter = s.substring(semicolon + 1).strip().toLowerCase(java.util.Locale.ROOT);
            SipTransport transport = switch (parameter) {
                case "transport=udp" -> SipTransport.UDP;
                case "transport=tcp" -> SipTransport.TCP;
                case "transport=tls" -> SipTransport.TLS;
                default -> throw new IllegalArgumentException("expected host[:port] or host[:port];transport=udp|tcp|tls");
            };
            return new ProxyOption(s.substring(0, semicolon).strip(), transport);
        }
    }

    /** XMPP-only options, as before SIP accounts existed. */
    public LaunchOptions(Optional<String> server, Optional<String> user, Optional<String> passwordEnv,
                         Optional<String> trustFingerprint, boolean autoSignIn, Optional<Theme> theme) {
        this(server, user, passwordEnv, trustFingerprint, autoSignIn, theme, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Without a smoke test: the client as people run it. */
    public LaunchOptions(Optional<String> server, Optional<String> user, Optional<String> passwordEnv,
                         Optional<String> trustFingerprint, boolean autoSignIn, Optional<Theme> theme,
                         Optional<AccountType> accountType, Optional<ProxyOption> proxy,
                         Optional<ProxyOption> backupProxy, Optional<String> xcapRoot, Optional<String> deskLine,
                         Optional<ProxyOption> phoneProxy) {
        this(server, user, passwordEnv, trustFingerprint, autoSignIn, theme, accountType, proxy, backupProxy,
                xcapRoot, deskLine, phoneProxy, Optional.empty());
    }

    /** Without a phone proxy: an XMPP account's calls as last used. */
    public LaunchOptions(Optional<String> server, Optional<String> user, Optional<String> passwordEnv,
                         Optional<String> trustFingerprint, boolean autoSignIn, Optional<Theme> theme,
                         Optional<AccountType> accountType, Optional<ProxyOption> proxy,
                         Optional<ProxyOption> backupProxy, Optional<String> xcapRoot, Optional<String> deskLine) {
        this(server, user, passwordEnv, trustFingerprint, autoSignIn, theme, accountType, proxy, backupProxy,
                xcapRoot, deskLine, Optional.empty());
    }

    /** Without a desk line: the phone mode last used. */
    public LaunchOptions(Optional<String> server, Optional<String> user, Optional<String> passwordEnv,
                         Optional<String> trustFingerprint, boolean autoSignIn, Optional<Theme> theme,
                         Optional<AccountType> accountType, Optional<ProxyOption> proxy,
                         Optional<ProxyOption> backupProxy, Optional<String> xcapRoot) {
        this(server, user, passwordEnv, trustFingerprint, autoSignIn, theme, accountType, proxy, backupProxy,
                xcapRoot, Optional.empty());
    }

    /** @throws CommandLine.ParameterException with a message for the user when the line is wrong */
    public static LaunchOptions parse(String... args) {
        Arguments arguments = new Arguments();
        CommandLine line = commandLine(arguments);
        line.parseArgs(args);
        arguments.validate(line);
        return new LaunchOptions(Optional.ofNullable(arguments.server), Optional.ofNullable(arguments.user),
                Optional.ofNullable(arguments.passwordEnv), Optional.ofNullable(arguments.trustFingerprint),
                arguments.autoSignIn, Optional.ofNullable(arguments.theme), Optional.ofNullable(arguments.accountType),
                Optional.ofNullable(arguments.proxy).map(ProxyOption::parse),
                Optional.ofNullable(arguments.backupProxy).map(ProxyOption::parse),
                Optional.ofNullable(arguments.xcapRoot).map(String::strip),
                Optional.ofNullable(arguments.deskLine).map(String::strip),
                Optional.ofNullable(arguments.phoneProxy).map(ProxyOption::parse),
                Optional.ofNullable(arguments.smokeTest));
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

    /** As {@link #check(String...)}, printing to {@code out} and {@code err} instead of the console. */
    static int check(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine line = commandLine(new Arguments());
        line.setOut(out);
        line.setErr(err);
        return line.execute(args);
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

    @Command(name = "switchboard", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "Switchboard desktop client.")
    static final class Arguments implements Callable<Integer> {
        @Option(names = "--server", paramLabel = "HOST[:PORT]|DOMAIN",
                description = "Server: a domain (found through DNS SRV) or host:port.")
        String server;

        @Option(names = "--user", paramLabel = "USER@DOMAIN",
                description = "The user to sign in as (for SIP: the address of record).")
        String user;

        @Option(names = "--account-type", paramLabel = "xmpp|sip",
                description = "The account type; default: the one last used.")
        AccountType accountType;

        @Option(names = "--proxy", paramLabel = "HOST[:PORT][;transport=udp|tcp|tls]",
                description = "SIP primary proxy; default: the address's domain, port 5060, UDP.")
        String proxy;

        @Option(names = "--backup-proxy", paramLabel = "HOST[:PORT][;transport=udp|tcp|tls]",
                description = "SIP backup proxy.")
        String backupProxy;

        @Option(names = "--xcap-root", paramLabel = "URL",
                description = "SIP: XCAP root for accepting and denying watch requests; "
                        + "default: the proxy's host, port 5062, /xcap-root.")
        String xcapRoot;

        @Option(names = "--desk-line", paramLabel = "EXTENSION",
                description = "Use the desk phone on this line (e.g. 1001) for calls, through the server's"
                        + " CTI gateway.")
        String deskLine;

        @Option(names = "--phone-proxy", paramLabel = "HOST[:PORT][;transport=udp|tcp|tls]",
                description = "XMPP: the phone server, the SIP proxy the calls go through (IM and presence stay"
                        + " on XMPP); same user and password.")
        String phoneProxy;

        @Option(names = "--password-env", paramLabel = "VAR",
                description = "Read the password from this environment variable.")
        String passwordEnv;

        @Option(names = "--trust-fingerprint", paramLabel = "SHA256",
                description = "Trust the server certificate (XMPP, or a SIP proxy over TLS) with this SHA-256"
                        + " fingerprint for this run.")
        String trustFingerprint;

        @Option(names = "--auto-sign-in", description = "Sign in at once.")
        boolean autoSignIn;

        @Option(names = "--theme", paramLabel = "light|dark", description = "Light or dark look.")
        Theme theme;

        @Option(names = "--smoke-test", paramLabel = "DIR",
                description = "Check the installation: show the first window, save its picture and a report"
                        + " (smoke-test.png, smoke-test.properties) in DIR, and exit 0; exit 1 if it cannot.")
        java.nio.file.Path smokeTest;

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
            boolean sip = accountType == AccountType.SIP;
            if (!sip && (proxy != null || backupProxy != null || xcapRoot != null)) {
                throw new CommandLine.ParameterException(line,
                        "--proxy, --backup-proxy and --xcap-root need --account-type sip");
            }
            if (sip && server != null) {
                throw new CommandLine.ParameterException(line,
                        "--server is for XMPP; with --account-type sip give the proxy with --proxy");
            }
            if (sip && phoneProxy != null) {
                throw new CommandLine.ParameterException(line,
                        "--phone-proxy is for XMPP accounts; a SIP account's calls use its --proxy");
            }
            for (String[] option : new String[][] {{"--proxy", proxy}, {"--backup-proxy", backupProxy},
                    {"--phone-proxy", phoneProxy}}) {
                if (option[1] != null) {
                    try {
                        ProxyOption.parse(option[1]);
                    } catch (IllegalArgumentException e) {
                        throw new CommandLine.ParameterException(line, option[0] + ": " + e.getMessage());
                    }
                }
            }
            if (deskLine != null) {
                PhoneSettings.lineProblem(deskLine).ifPresent(problem ->  {
                    throw new CommandLine.ParameterException(line, "--desk-line: " + problem);
                });
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

    /** {@code --version}, printed by picocli before JavaFX starts: the version the build stamped in. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Switchboard " + SwitchboardVersion.current()};
        }
    }
}
