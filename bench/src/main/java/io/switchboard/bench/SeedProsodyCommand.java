package io.switchboard.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.bench.load.RingRoster;
import io.switchboard.bench.seed.ProsodySeeder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes a throwaway Prosody config and data directory with the benchmark's users. */
@Command(name = "seed-prosody", mixinStandardHelpOptions = true,
        description = "Write a Prosody 0.12 config + internal-storage data dir with N ring-roster users "
                + "and one big-roster user.")
final class SeedProsodyCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(SeedProsodyCommand.class);

    @Option(names = "--dir", required = true, description = "Directory for prosody.cfg.lua and data/.")
    Path dir;

    @Option(names = "--users", defaultValue = "500")
    int users;

    @Option(names = "--contacts", defaultValue = "30")
    int contacts;

    @Option(names = "--domain", defaultValue = "localhost")
    String domain;

    @Option(names = "--port", required = true, description = "c2s port on 127.0.0.1.")
    int port;

    @Option(names = "--cert", required = true, description = "PEM certificate for the domain.")
    Path cert;

    @Option(names = "--key", required = true, description = "PEM private key of the certificate.")
    Path key;

    @Option(names = "--big-roster-user", defaultValue = "r00000")
    String bigRosterUser;

    @Option(names = "--big-roster-size", defaultValue = "2000",
            description = "Contacts of the big-roster user (c00000... which need not exist); 0 for none.")
    int bigRosterSize;

    @Override
    public Integer call() throws Exception {
        ProsodySeeder seeder = new ProsodySeeder(dir, domain);
        long start = System.nanoTime();
        seeder.seedUsers(new RingRoster(users, contacts), bigRosterUser, bigRosterSize);
        Path cfg = seeder.writeConfig(port, cert, key);
        LOG.info("Prosody data for {} users written in {} ms; config {}", users,
                (System.nanoTime() - start) / 1_000_000, cfg);
        return 0;
    }
}
