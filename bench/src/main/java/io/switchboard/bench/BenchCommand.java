package io.switchboard.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the load tool: {@code java -jar switchboard-bench.jar <scenario> [options]}. */
@Command(name = "switchboard-bench", mixinStandardHelpOptions = true,
        description = "XMPP load tool: presence propagation, memory per session, roster sign-in; "
                + "against our server and against Prosody on 127.0.0.1.",
        subcommands = {PresenceLoadCommand.class, RosterSigninCommand.class, SeedProsodyCommand.class,
                SeedSwitchboardCommand.class, SeedSipLoadCommand.class, MediaBenchCommand.class, CtiBenchCommand.class,
                DirectoryBenchCommand.class})
public final class BenchCommand {

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }
}
