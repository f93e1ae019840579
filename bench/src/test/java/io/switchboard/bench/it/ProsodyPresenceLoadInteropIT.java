package io.switchboard.bench.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.switchboard.bench.client.Account;
import io.switchboard.bench.client.LoadClient;
import io.switchboard.bench.load.Population;
import io.switchboard.bench.load.PresenceDriver;
import io.switchboard.bench.load.RingRoster;
import io.switchboard.bench.measure.RssProbe;
import io.switchboard.bench.seed.ProsodySeeder;
import io.switchboard.bench.signin.NettySignInTimer;
import io.switchboard.bench.signin.SignInTimer;

/**
 * The load tool against a real Prosody seeded by our seeder: every user logs in with the
 * roster we wrote, and at a rate Prosody easily sustains every presence change reaches every
 * watcher exactly once — so a loss the tool reports under load is the server's, not the tool's.
 */
class ProsodyPresenceLoadInteropIT {

    private static final int USERS = 40;
    private static final int CONTACTS = 30;

    @TempDir
    Path dir;

    private Process prosody;
    private int port;

    @BeforeEach
    void startProsody() throws Exception {
        port = freePort();
        Path cert = dir.resolve("localhost.crt");
        Path key = dir.resolve("localhost.key");
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                "-keyout", key.toString(), "-out", cert.toString());
        ProsodySeeder seeder = new ProsodySeeder(dir.resolve("prosody"), "localhost");
        seeder.seedUsers(new RingRoster(USERS, CONTACTS), "r00000", 300);
        Path config = seeder.writeConfig(port, cert, key);
        prosody = new ProcessBuilder("prosody", "--config", config.toString(), "-F")
                .redirectErrorStream(true).redirectOutput(dir.resolve("prosody.out").toFile()).start();
        await().atMost(Duration.ofSeconds(30)).until(this::portOpen);
    }

    @AfterEach
    void stopProsody() throws Exception {
        if (prosody != null) {
            prosody.destroy();
            if (!prosody.waitFor(15, TimeUnit.SECONDS)) {
                prosody.destroyForcibly();
            }
        }
    }

    @Test
    void everyPresenceChangeReachesEveryWatcherOnce() throws Exception {
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            accounts.add(new Account(i, RingRoster.username(i), "localhost", RingRoster.password(i)));
        }
        long rssBefore = new RssProbe(prosody.pid()).bytes();
        try (LoadClient client = new LoadClient(address(), 2, 30_000)) {
            Population population = new Population(client, accounts, 10);
            population.connectAll().get(60, TimeUnit.SECONDS);

            assertThat(population.online()).isEqualTo(USERS);
            assertThat(population.rosterItemsSeen()).isEqualTo((long) USERS * CONTACTS);
            assertThat(new RssProbe(prosody.pid()).bytes()).isGreaterThan(rssBefore);

            PresenceDriver driver = new PresenceDriver(population, new RingRoster(USERS, CONTACTS),
                    client.eventLoops().next(), 50, Duration.ofSeconds(2), 7);
            population.presenceSink(driver);
            driver.start().get(30, TimeUnit.SECONDS);
            driver.drained(Duration.ofSeconds(20)).get(40, TimeUnit.SECONDS);
            PresenceDriver.Outcome outcome = driver.outcome().get(10, TimeUnit.SECONDS);
            population.closeAll();

            assertThat(outcome.changesSent()).isEqualTo(100);
            assertThat(outcome.deliveriesExpected()).isEqualTo(100L * CONTACTS);
            assertThat(outcome.deliveriesReceived()).isEqualTo(outcome.deliveriesExpected());
            assertThat(outcome.lost()).isZero();
            assertThat(outcome.duplicated()).isZero();
            assertThat(outcome.selfEchoes()).isEqualTo(100);
            assertThat(outcome.latencyMicros().getTotalCount()).isEqualTo(100L * CONTACTS);
        }
    }

    @Test
    void signInReceivesTheWholeBigRoster() throws Exception {
        try (LoadClient client = new LoadClient(address(), 1, 30_000)) {
            SignInTimer timer = new NettySignInTimer(client,
                    new Account(0, "r00000", "localhost", RingRoster.passwordFor("r00000")), 30);

            SignInTimer.SignIn result = timer.signInOnce();

            assertThat(result.rosterItems()).isEqualTo(300);
            assertThat(result.millis()).isPositive();
        }
    }

    private InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    private boolean portOpen() {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("command.out").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
    }
}
