package io.switchboard.bench;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.switchboard.bench.client.Account;
import io.switchboard.bench.client.LoadClient;
import io.switchboard.bench.signin.NettySignInTimer;
import io.switchboard.bench.signin.SignInTimer;
import io.switchboard.bench.signin.SmackSignInTimer;
import io.switchboard.bench.load.RingRoster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Scenario roster-signin: how long one user with a large roster waits from connecting until the
 * whole roster is usable, with the bench's own Netty client (TCP connect to roster result
 * parsed) or with our desktop client's Smack session (signIn() until it returns with contacts).
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

    @Option(names = "--client", defaultValue = "netty",
            description = "netty (the bench's own client) or smack (our desktop client's XmppClientSession).")
    String clientKind;

    @Option(names = "--pin", description = "SHA-256 fingerprint of the server certificate (required for --client smack).")
    String pin;

    @Override
    public Integer call() throws Exception {
        try (LoadClient netty = new LoadClient(server.address(), 1,
                TimeUnit.SECONDS.toMillis(server.loginTimeoutSeconds))) {
            SignInTimer timer = switch (clientKind) {
                case "netty" -> new NettySignInTimer(netty,
                        new Account(0, user, server.domain, RingRoster.passwordFor(user)), server.loginTimeoutSeconds);
                case "smack" -> new SmackSignInTimer(user, server.domain, RingRoster.passwordFor(user),
                        server.address().getAddress().getHostAddress(), server.port,
                        Objects.requireNonNull(pin, "--pin is required for --client smack"),
                        Duration.ofSeconds(server.loginTimeoutSeconds));
                default -> throw new IllegalArgumentException("--client must be netty or smack, got " + clientKind);
            };
            return measure(timer);
        }
    }

    private int measure(SignInTimer timer) throws Exception {
        double[] millis = new double[repeat];
        int wrongSize = 0;
        for (int i = -warmup; i < repeat; i++) {
            SignInTimer.SignIn result = timer.signInOnce();
            if (result.rosterItems() != expectedItems) {
                wrongSize++;
                LOG.warn("roster had {} items, expected {}", result.rosterItems(), expectedItems);
            }
            if (i >= 0) {
                millis[i] = result.millis();
            }
        }
        Arrays.sort(millis);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("label", label);
        report.put("client", timer.client());
        report.put("rosterItems", expectedItems);
        report.put("repeat", repeat);
        report.put("wrongSize", wrongSize);
        report.put("medianMs", percentile(millis, 50));
        report.put("p90Ms", percentile(millis, 90));
        report.put("minMs", millis[0]);
        report.put("maxMs", millis[millis.length - 1]);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s: sign-in to roster of %d items (%s), %d runs: median %.1f ms, "
                        + "p90 %.1f ms, min %.1f ms, max %.1f ms, %d with wrong size%n", label, expectedItems,
                timer.client(), repeat, percentile(millis, 50), percentile(millis, 90), millis[0],
                millis[millis.length - 1], wrongSize);
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
}
