package io.switchboard.server.cli;

import io.switchboard.server.config.ServerConfig;
import io.switchboard.server.store.jdbc.Database;
import io.switchboard.server.store.jdbc.JdbcUserStore;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code user add|remove|list|passwd}: account administration on the server's database.
 * With the embedded database, stop the server first: H2 lets one process open the file.
 */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage user accounts.",
        subcommands = {UserCommand.Add.class, UserCommand.Remove.class, UserCommand.ListUsers.class,
                UserCommand.Passwd.class})
public final class UserCommand {

    /** Common plumbing: the data directory, the spec for output, and the database session. */
    abstract static class UserStoreCommand extends DatabaseCommand {

        @Override
        final int run(ServerConfig config, Database database) throws Exception {
            return run(new JdbcUserStore(database, config.domain()), config, spec.commandLine().getOut());
        }

        abstract int run(JdbcUserStore users, ServerConfig config, PrintWriter out) throws Exception;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Create a user.")
    static final class Add extends UserStoreCommand {

        @Parameters(paramLabel = "NAME", description = "User name, the part before @ in the address.")
        String name;

        @Mixin
        PasswordInput password = new PasswordInput();

        @Override
        int run(JdbcUserStore users, ServerConfig config, PrintWriter out) throws Exception {
            char[] secret = password.read(spec.commandLine(), name);
            try {
                users.create(name, secret);
            } finally {
                Arrays.fill(secret, '\0');
            }
            out.printf("Created user %s@%s%n", name.toLowerCase(java.util.Locale.ROOT), config.domain());
            return CommandLine.ExitCode.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Delete a user with their roster, pending requests and offline messages.")
    static final class Remove extends UserStoreCommand {

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run(JdbcUserStore users, ServerConfig config, PrintWriter out) throws Exception {
            if (!users.delete(name)) {
                spec.commandLine().getErr().printf("There is no user '%s'%n", name);
                return CommandLine.ExitCode.SOFTWARE;
            }
            out.printf("Removed user %s@%s with their roster and offline messages%n",
                    name.toLowerCase(java.util.Locale.ROOT), config.domain());
            return CommandLine.ExitCode.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users, one per line.")
    static final class ListUsers extends UserStoreCommand {

        @Override
        int run(JdbcUserStore users, ServerConfig config, PrintWriter out) throws Exception {
            List<String> names = users.list();
            if (names.isEmpty()) {
                spec.commandLine().getErr().println("No users yet. Add one with: user add NAME");
            }
            names.forEach(out::println);
            return CommandLine.ExitCode.OK;
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true, description = "Change a user's password.")
    static final class Passwd extends UserStoreCommand {

        @Parameters(paramLabel = "NAME")
        String name;

        @Mixin
        PasswordInput password = new PasswordInput();

        @Override
        int run(JdbcUserStore users, ServerConfig config, PrintWriter out) throws Exception {
            if (!users.exists(name)) {
                spec.commandLine().getErr().printf("There is no user '%s'%n", name);
                return CommandLine.ExitCode.SOFTWARE;
            }
            char[] secret = password.read(spec.commandLine(), name);
            try {
                users.setPassword(name, secret);
            } finally {
                Arrays.fill(secret, '\0');
            }
            out.printf("Changed the password of %s@%s%n", name.toLowerCase(java.util.Locale.ROOT), config.domain());
            return CommandLine.ExitCode.OK;
        }
    }
}
