package io.switchboard.server.cli;

import picocli.CommandLine.Option;

/** Options of {@code run}, also accepted without the word {@code run}, which is the default command. */
public final class RunOptions {

    @Option(names = "--port", paramLabel = "PORT",
            description = "XMPP client port, overriding c2s.port of the configuration (0 picks a free port).")
    Integer port;

    @Option(names = "--demo",
            description = "Create the demo users (alice, bob, carol, dave, erin; password \"demo\") before starting.")
    boolean demo;
}
