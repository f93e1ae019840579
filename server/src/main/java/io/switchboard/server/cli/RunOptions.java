package io.switchboard.server.cli;

import picocli.CommandLine.Option;

/** Options of {@code run}, also accepted without the word {@code run}, which is the default command. */
public final class RunOptions {

    @Option(names = "--port", paramLabel = "PORT",
            description = "XMPP client port, overriding c2s.port of the configuration (0 picks a free port).")
    Integer port;

    @Option(names = "--demo",
            description = "Create the demo company (alice, bob, carol, ...; password \"demo\") before starting, "
                    + "with colleagues who change presence and answer chats.")
    boolean demo;

    @Option(names = "--no-bots", description = "With --demo: no simulated colleagues, only the demo users.")
    boolean noBots;
}
