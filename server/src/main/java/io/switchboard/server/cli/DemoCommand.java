package io.switchboard.server.cli;

import io.switchboard.server.config.ServerConfig;
import io.switchboard.server.demo.DemoDirectory;
import io.switchboard.server.demo.DemoOrganisation;
import io.switchboard.server.store.jdbc.Database;
import io.switchboard.server.store.jdbc.JdbcDeskLineStore;
import io.switchboard.server.store.jdbc.JdbcRosterStore;
import io.switchboard.server.store.jdbc.JdbcVoiceMailboxStore;
import io.switchboard.server.store.jdbc.JdbcUserStore;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code demo seed}: creates the demo team; running it again changes nothing. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Demo data.",
        subcommands = DemoCommand.Seed.class)
public final class DemoCommand {

    @Command(name = "seed", mixinStandardHelpOptions = true,
            description = "Create the demo company (36 users in five departments, password \"demo\") with their buddy lists "
                    + "and desk lines (1001 alice, 1002 bob, ...). Idempotent.")
    static final class Seed implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DataDirOptions dataDir = new DataDirOptions();

        @Override
        public Integer call() throws Exception {
            ServerEnvironment environment = new ServerEnvironment(dataDir);
            ServerConfig config = environment.loadConfig();
            try (Database database = environment.openDatabase(config)) {
                DemoDirectory.SeedResult result = new DemoDirectory(new JdbcUserStore(database, config.domain()),
                        new JdbcRosterStore(database), new JdbcVoiceMailboxStore(database),
                        new JdbcDeskLineStore(database), config.domain()).seed();
                printSeeded(spec.commandLine().getOut(), config.domain(), result);
            }
            return CommandLine.ExitCode.OK;
        }
    }

    static void printSeeded(PrintWriter out, String domain, DemoDirectory.SeedResult result) {
        out.printf("Demo users @%s (password \"%s\" for all; for demos on this machine only):%n",
                domain, DemoDirectory.PASSWORD);
        for (String department : DemoOrganisation.departments()) {
            out.printf("  %-12s %s%n", department, DemoOrganisation.USERS.stream()
                    .filter(u -> u.department().equals(department))
                    .map(DemoOrganisation.DemoUser::username)
                    .collect(Collectors.joining(", ")));
        }
        out.printf("Sign in as alice@%s or bob@%s, for example.%n", domain, domain);
        if (!result.deskLines().isEmpty()) {
            // one line, extension=user pairs: bin/switchboard-demo reads it to start the desk phones
            out.printf("Desk lines (extension=user, SIP password \"%s\"): %s%n", DemoDirectory.PASSWORD,
                    result.deskLines().entrySet().stream().map(e -> e.getValue() + "=" + e.getKey())
                            .collect(Collectors.joining(" ")));
        }
        out.printf("Created %d user(s), %d desk line(s), added %d roster item(s).%n", result.createdUsers().size(),
                result.createdDeskLines().size(), result.addedRosterItems());
        out.flush();
    }
}
