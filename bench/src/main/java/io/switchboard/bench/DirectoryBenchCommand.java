package io.switchboard.bench;

import io.switchboard.bench.directory.DirectoryBench;
import io.switchboard.bench.directory.DirectoryBenchReport;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The people directory at scale: slapd started here with N generated people, the server's directory
 * sync (full and incremental) into a fresh database, and type-ahead latency of our LDAP client
 * against UnboundID's SDK in the same run.
 */
@Command(name = "directory", mixinStandardHelpOptions = true,
        description = "Starts slapd (Debian's, on 127.0.0.1) with N people, then times a full directory sync into a "
                + "fresh server database, an incremental sync after changes, and type-ahead searches by our client "
                + "and by UnboundID's SDK (the peer).")
final class DirectoryBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--people", defaultValue = "30000", description = "People seeded into slapd. Default: ${DEFAULT-VALUE}.")
    int people;

    @Option(names = "--full-runs", defaultValue = "3",
            description = "Full syncs, each into a fresh database; the median is reported. Default: ${DEFAULT-VALUE}.")
    int fullRuns;

    @Option(names = "--changes", defaultValue = "100",
            description = "Entries changed before the incremental sync. Default: ${DEFAULT-VALUE}.")
    int changes;

    @Option(names = "--searches", defaultValue = "2000", description = "Type-ahead searches timed per client. Default: ${DEFAULT-VALUE}.")
    int searches;

    @Option(names = "--warm-up", defaultValue = "300", description = "Type-ahead searches per client first, not timed. Default: ${DEFAULT-VALUE}.")
    int warmUp;

    @Option(names = "--page-size", defaultValue = "25",
            description = "People per type-ahead answer (our first page, the peer's size limit). Default: ${DEFAULT-VALUE}.")
    int pageSize;

    @Option(names = "--plain", description = "Plain LDAP for both clients instead of StartTLS.")
    boolean plain;

    @Option(names = "--seed", defaultValue = "20261207", description = "Random seed of the search prefixes.")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (people < changes || fullRuns < 1 || searches < 1 || pageSize < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "need --people >= --changes, and at least one full run, one search and a page size");
        }
        DirectoryBenchReport report = DirectoryBench.run(new DirectoryBench.Settings(people, fullRuns, changes,
                searches, warmUp, pageSize, !plain, seed));
        report.print(spec.commandLine().getOut());
        return 0;
    }
}
