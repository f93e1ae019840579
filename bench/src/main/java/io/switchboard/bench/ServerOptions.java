package io.switchboard.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

import picocli.CommandLine.Option;

/** Where the server under test listens; loopback only. */
public final class ServerOptions {

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Server address (loopback only).")
    String host;

    @Option(names = "--port", required = true, description = "Server c2s port.")
    int port;

    @Option(names = "--domain", defaultValue = "localhost", description = "XMPP domain of the users.")
    String domain;

    @Option(names = "--threads", defaultValue = "2", description = "Client event-loop threads.")
    int threads;

    @Option(names = "--login-timeout", defaultValue = "120", description = "Seconds one login may take.")
    int loginTimeoutSeconds;

    InetSocketAddress address() throws UnknownHostException {
        InetSocketAddress a = new InetSocketAddress(InetAddress.getByName(host), port);
        if (!a.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("--host must be a loopback address, got " + host);
        }
        return a;
    }
}
