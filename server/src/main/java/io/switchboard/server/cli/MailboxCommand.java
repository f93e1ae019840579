package io.switchboard.server.cli;

import io.switchboard.server.config.ServerConfig;
import io.switchboard.server.store.VoiceMailbox;
import io.switchboard.server.store.jdbc.Database;
import io.switchboard.server.store.jdbc.JdbcUserStore;
import io.switchboard.server.store.jdbc.JdbcVoiceMailboxStore;

import java.io.PrintWriter;
import java.util.Locale;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mailbox set|show}: a user's voice mailbox counts, which SIP phones and clients show as the
 * message-waiting indicator (RFC 3842). The server records no voicemail itself; this is how an
 * administrator (or a voicemail system's script) tells it. With the embedded database, stop the
 * server first (H2 lets one process open the file); subscribers get the new counts when they
 * subscribe again after the restart. A running server changes them through
 * {@code SwitchboardServer#setVoiceMailbox}, which notifies at once.
 */
@Command(name = "mailbox", mixinStandardHelpOptions = true, description = "Voice mailbox counts (message waiting).",
        subcommands = {MailboxCommand.Set.class, MailboxCommand.Show.class})
public final class MailboxCommand {

    abstract static class MailboxStoreCommand extends DatabaseCommand {

        @Parameters(paramLabel = "NAME", description = "User name, the part before @ in the address.")
        String name;

        @Override
        final int run(ServerConfig config, Database database) throws Exception {
            if (!new JdbcUserStore(database, config.domain()).exists(name)) {
                spec.commandLine().getErr().printf("There is no user '%s'%n", name);
                return CommandLine.ExitCode.SOFTWARE;
            }
            return run(new JdbcVoiceMailboxStore(database), config, spec.commandLine().getOut());
        }

        abstract int run(JdbcVoiceMailboxStore mailboxes, ServerConfig config, PrintWriter out) throws Exception;

        String address(ServerConfig config) {
            return name.toLowerCase(Locale.ROOT) + "@" + config.domain();
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Set how many new and old voice messages wait, e.g. mailbox set alice --new 2 --old 5.")
    static final class Set extends MailboxStoreCommand {

        @Option(names = "--new", required = true, paramLabel = "N", description = "Messages not yet listened to.")
        int newMessages;

        @Option(names = "--old", defaultValue = "0", paramLabel = "N", description = "Messages listened to and kept (default 0).")
        int oldMessages;

        @Override
        int run(JdbcVoiceMailboxStore mailboxes, ServerConfig config, PrintWriter out) throws Exception {
            VoiceMailbox mailbox = new VoiceMailbox(newMessages, oldMessages); // IllegalArgumentException: one line
            mailboxes.set(name, mailbox);
            out.printf("Voice mailbox of %s: %d new, %d old%n", address(config), mailbox.newMessages(),
                    mailbox.oldMessages());
            return CommandLine.ExitCode.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a user's voice mailbox counts.")
    static final class Show extends MailboxStoreCommand {

        @Override
        int run(JdbcVoiceMailboxStore mailboxes, ServerConfig config, PrintWriter out) throws Exception {
            VoiceMailbox mailbox = mailboxes.mailbox(name);
            out.printf("Voice mailbox of %s: %d new, %d old%n", address(config), mailbox.newMessages(),
                    mailbox.oldMessages());
            return CommandLine.ExitCode.OK;
        }
    }
}
