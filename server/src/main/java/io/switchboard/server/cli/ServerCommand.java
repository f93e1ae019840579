package io.switchboard.server.cli;

import io.switchboard.core.version.SwitchboardVersion;
import io.switchboard.server.SwitchboardServer;

import io.switchboard.server.config.ConfigException;
import io.switchboard.server.store.StoreException;
import io.switchboard.server.tls.TlsSetupException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard-server}: the server's one command. Without a subcommand it runs the
 * server, so {@code switchboard-server --demo} is the whole demo set-up.
 */
@Command(name = "switchboard-server", mixinStandardHelpOptions = true, versionProvider = ServerCommand.Version.class,
        description = "The Switchboard presence server: XMPP with an embedded database and a self-signed certificate.",
        subcommands = {CommandLine.HelpCommand.class})
public final class ServerCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServerCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOptions dataDir = new DataDirOptions();

    @Mixin
    RunOptions options = new RunOptions();

    private final ServerRuntimeFactory factory;

    public ServerCommand(ServerRuntimeFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    public static void main(String[] args) {
        // a thread of a library that dies would otherwise only print to stderr, past the log file
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) ->
                LOG.error("Uncaught exception in thread {}", thread.getName(), failure));
        System.exit(commandLine(SwitchboardServer::create).execute(args));
    }

    /** The command tree with its error handling; {@code factory} builds the server for {@code run}. */
    public static CommandLine commandLine(ServerRuntimeFactory factory) {
        CommandLine commandLine = new CommandLine(new ServerCommand(factory));
        commandLine.addSubcommand(new RunCommand(factory));
        commandLine.addSubcommand(new UserCommand());
        commandLine.addSubcommand(new DemoCommand());
        commandLine.addSubcommand(new MailboxCommand());
        commandLine.addSubcommand(new DirectoryCommand());
        commandLine.setExecutionExceptionHandler(ServerCommand::handleFailure);
        commandLine.setExecutionStrategy(ServerCommand::rejectRunOptionsBeforeSubcommand);
        return commandLine;
    }

    @Override
    public Integer call() throws Exception {
        return RunCommand.run(dataDir, options, spec.commandLine(), factory);
    }

    /**
     * The top-level command accepts the run options (so that {@code run} can be left out), which
     * would silently swallow {@code --data-dir X} in {@code switchboard-server --data-dir X user list}
     * and list the users of the default directory instead. Refuse that order.
     */
    private static int rejectRunOptionsBeforeSubcommand(CommandLine.ParseResult parseResult) {
        boolean misplaced = parseResult.hasSubcommand() && parseResult.matchedOptions().stream()
                .anyMatch(o -> !o.usageHelp() && !o.versionHelp());
        if (misplaced) {
            throw new CommandLine.ParameterException(parseResult.commandSpec().commandLine(),
                    "Put options after the command they belong to, e.g. switchboard-server "
                            + parseResult.subcommand().commandSpec().name() + " --data-dir DIR");
        }
        return new CommandLine.RunLast().execute(parseResult);
    }

    /**
     * Failures an operator can fix (bad configuration, database in use, invalid name, ...)
     * are one line saying what to do; anything else is a bug and is logged with its trace.
     */
    private static int handleFailure(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        if (e instanceof ConfigException || e instanceof StoreException || e instanceof TlsSetupException
                || e instanceof IllegalArgumentException) {
            commandLine.getErr().println("Error: " + e.getMessage());
        } else {
            LOG.error("Unexpected failure", e);
            commandLine.getErr().println("Unexpected error: " + e + " (details in the log)");
        }
        commandLine.getErr().flush();
        return CommandLine.ExitCode.SOFTWARE;
    }

    /** {@code --version}: the version the build stamped into the jars (the same one the client shows). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Switchboard server " + SwitchboardVersion.current(),
                    "Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
                            + System.getProperty("os.arch")};
        }
    }
}
