package io.switchboard.bench;

import io.switchboard.bench.cti.CtiBench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Desk-phone mode numbers: click-to-call latency through the CTI gateway, and CTI sessions held
 * with a monitor each (SIPp) while our client's requests are timed; the bundled server runs in
 * this process, everything on loopback.
 */
@Command(name = "cti", mixinStandardHelpOptions = true,
        description = "Click-to-call latency (MakeCall -> desk phone rings -> callee rings) and CTI sessions "
                + "held with MonitorStart (SIPp), against the bundled server in this process, on loopback.")
final class CtiBenchCommand implements Callable<Integer> {

    @Option(names = "--calls", defaultValue = "200", description = "Click-to-calls timed. Default: ${DEFAULT-VALUE}.")
    int calls;

    @Option(names = "--warm-up", defaultValue = "20", description = "Click-to-calls placed first, not timed.")
    int warmUp;

    @Option(names = "--sessions", defaultValue = "2000",
            description = "CTI sessions SIPp opens and holds (0: none). Default: ${DEFAULT-VALUE}.")
    int sessions;

    @Option(names = "--rate", defaultValue = "100", description = "New sessions per second. Default: ${DEFAULT-VALUE}.")
    int rate;

    @Option(names = "--samples", defaultValue = "200",
            description = "RequestSystemStatus round trips timed, idle and under the sessions.")
    int samples;

    @Option(names = "--sipp", defaultValue = "sipp", description = "The SIPp command.")
    String sipp;

    @Option(names = "--ports", defaultValue = "48400", description = "First RTP port (even); 100 ports are used.")
    int firstPort;

    @Option(names = "--simulated-phones",
            description = "The demo's simulated desk phones (real media) instead of plain user agents.")
    boolean simulatedPhones;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("cti-bench");
        try (CtiBench bench = CtiBench.start(dir, firstPort, simulatedPhones)) {
            if (calls > 0) {
                bench.clickToCall(warmUp, calls).print(System.out);
            }
            if (sessions > 0) {
                bench.holdSessions(sessions, rate, samples, sipp).print(System.out);
            }
        }
        return 0;
    }
}
