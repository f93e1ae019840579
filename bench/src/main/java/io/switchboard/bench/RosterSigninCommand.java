package io.switchboard.bench;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.switchboard.bench.client.Account;
import io.switchboard.bench.client.LoadClient;
import io.switchboard.bench.client.SessionListener;
import io.switchboard.bench.client.SimulatedUser;
import io.switchboard.bench.load.RingRoster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Scenario roster-signin: how long one user with a large roster waits from TCP connect until the
 * whole roster is received and parsed, measured with the bench's own Netty client (the same
 * login steps as a desktop client: STARTTLS, SASL PLAIN, bind, roster get).
 */
@Command(name = "roster-signin", mixinStandardHelpOptions = true,
        description = "Time from TCP connect to roster received and parsed, for one user with a big roster.")
final class RosterSigninCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RosterSigninCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server;

    @Option(names = "--label", defaultValue = "server")
    String label;

    @Option(names = "--user", defaultValue = "r00000", description = "The user with the big roster.")
    String user;

    @Option(names = "--expect", defaultValue = "2000", description = "Roster items the user must receive.")
    int expectedItems;

    @Option(names = "--repeat", defaultValue = "10")
    int repeat;

    @Option(names = "--warmup", defaultValue = "2", description = "Sign-ins before the measured ones.")
    int warmup;

    @Option(names = "--json-out", description = "Append the report as one JSON line to this file.")
    Path jsonOut;

    @Override
    public Integer call() throws Exception {
        Account account = new Account(0, user, server.domain, RingRoster.passwordFor(user));
        double[] millis = new double[repeat];
        int wrongSize = 0;
        try (LoadClient client = new LoadClient(server.address(), 1,
                TimeUnit.SECONDS.toMillis(server.loginTimeoutSeconds))) {
            for (int i = -warmup; i < repeat; i++) {
                SignIn result = signInOnce(client, account).get(server.loginTimeoutSeconds + 10L, TimeUnit.SECONDS);
                if (result.items() != expectedItems) {
                    wrongSize++;
                    LOG.warn("roster had {} items, expected {}", result.items(), expectedItems);
                }
                if (i >= 0) {
                    millis[i] = result.millis();
                }
            }
        }
        Arrays.sort(millis);
        Map<String, Object> report = Map.of("label", label, "client", "bench-netty", "rosterItems", expectedItems,
                "repeat", repeat, "wrongSize", wrongSize,
                "medianMs", percentile(millis, 50), "p90Ms", percentile(millis, 90),
                "minMs", millis[0], "maxMs", millis[millis.length - 1]);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s: sign-in to roster of %d items (bench Netty client), %d runs: median %.1f ms, "
                        + "p90 %.1f ms, min %.1f ms, max %.1f ms, %d with wrong size%n", label, expectedItems, repeat,
                percentile(millis, 50), percentile(millis, 90), millis[0], millis[millis.length - 1], wrongSize);
        String json = new ObjectMapper().writeValueAsString(report);
        out.println(json);
        out.flush();
        if (jsonOut != null) {
            Files.writeString(jsonOut, json + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return wrongSize == 0 ? 0 : 1;
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static CompletableFuture<SignIn> signInOnce(LoadClient client, Account account) {
        CompletableFuture<SignIn> done = new CompletableFuture<>();
        client.connect(account, new SessionListener() {
            @Override
            public void online(SimulatedUser u, int rosterSize, long connectStartNanos, long onlineNanos) {
                done.complete(new SignIn(rosterSize, (onlineNanos - connectStartNanos) / 1e6));
                u.close();
            }

            @Override
            public void failed(SimulatedUser u, String phase, String reason) {
                done.completeExceptionally(new IllegalStateException("sign-in failed in " + phase + ": " + reason));
            }

            @Override
            public void presence(SimulatedUser receiver, String fromBareJid, String status, long receivedNanos) {
                // not measured here
            }
        }, false);
        return done;
    }

    private record SignIn(int items, double millis) {
    }
}
