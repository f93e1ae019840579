package io.switchboard.server.xmpp.stream;

import io.switchboard.server.xmpp.sasl.InMemoryUserStore;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/** A real C2sServer on 127.0.0.1, an ephemeral port, in-memory users and a recording router. */
final class C2sTestServer implements AutoCloseable {

    final InMemoryUserStore users = new InMemoryUserStore();
    final RecordingStanzaRouter router = new RecordingStanzaRouter();
    final TestTls tls;
    final C2sServer server;
    private final ExecutorService authWorkers = Executors.newFixedThreadPool(2);

    C2sTestServer(TestTls tls, UnaryOperator<C2sSettings.Builder> settings) throws Exception {
        this.tls = tls;
        users.setPassword("alice", "wonderland".toCharArray());
        users.setPassword("bob", "builder".toCharArray());
        C2sSettings.Builder b = C2sSettings.builder(RawXmppClient.DOMAIN).bindHost("127.0.0.1").port(0)
                .preAuthTimeout(Duration.ofSeconds(20))
                .authFailureDelay(Duration.ofMillis(10))
                .maxAuthFailuresPerAddress(5)
                .maxStanzaBytes(64 * 1024)
                .ioThreads(2);
        server = new C2sServer(settings.apply(b).build(), tls.server, users, router, authWorkers).start();
    }

    int port() {
        return server.boundPort();
    }

    RawXmppClient connect() throws Exception {
        return new RawXmppClient(port());
    }

    @Override
    public void close() {
        server.stop();
        authWorkers.shutdownNow();
    }
}
