package io.switchboard.bench.directory;

import io.switchboard.bench.ldap.DirectoryPeople.Person;
import io.switchboard.bench.ldap.PeopleChanges;
import io.switchboard.bench.ldap.Slapd;
import io.switchboard.directory.AttributeProfile;
import io.switchboard.directory.DirectoryConfig;
import io.switchboard.directory.DirectoryConfig.ServiceAccount;
import io.switchboard.directory.DirectorySecurity;
import io.switchboard.directory.LdapPeopleDirectory;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.SSLUtil;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.TrustManagerFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bench directory}: starts slapd with {@code people} generated people ({@link Slapd}, the
 * harness the interop tests use), then measures (a) full syncs into fresh server databases,
 * (b) an incremental sync after {@code changes} changed entries, (c) type-ahead latency of our
 * client against UnboundID's plain search. Both clients bind as the rootdn (no size limits, no
 * ACLs to weigh against each other), over StartTLS unless told otherwise.
 */
public final class DirectoryBench {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryBench.class);
    private static final String DOMAIN = "switchboard.test";

    /** What to run; see {@code DirectoryBenchCommand} for the meaning of each. */
    public record Settings(int people, int fullRuns, int changes, int searches, int warmUp, int pageSize,
                           boolean startTls, long seed) {
    }

    private DirectoryBench() {
    }

    public static DirectoryBenchReport run(Settings settings) throws Exception {
        try (Slapd slapd = Slapd.start(settings.people())) {
            DirectoryConfig config = clientConfig(slapd, settings.startTls());
            try (LdapPeopleDirectory directory = LdapPeopleDirectory.create(config)) {
                List<SyncMeasurement> fullRuns = new ArrayList<>();
                List<SyncMeasurement> incremental = new ArrayList<>();
                for (int i = 0; i < settings.fullRuns(); i++) {
                    try (SyncBench sync = SyncBench.freshDatabase(directory, DOMAIN)) {
                        SyncMeasurement full = sync.full();
                        LOG.info("full sync {}: {} ms, {}", i + 1, full.wall().toMillis(), full.run());
                        fullRuns.add(full);
                        if (i == settings.fullRuns() - 1) {
                            // the first incremental run after a full one also re-reads what slapadd stamped in
                            // its last second (the sync looks a second back); the second is the steady state
                            for (int round = 0; round < 2; round++) {
                                change(slapd, settings.changes(), round);
                                SyncMeasurement run = sync.incremental();
                                LOG.info("incremental sync {}: {} ms, {}", round + 1, run.wall().toMillis(), run.run());
                                incremental.add(run);
                            }
                        }
                    }
                }
                Duration readOnly = readEveryone(directory, slapd.people().size());
                TypeAheadBench.Result typeAhead;
                try (LDAPConnection peerConnection = peerConnection(slapd, settings.startTls())) {
                    TypeAheadBench bench = new TypeAheadBench(directory,
                            new PeerSearch(peerConnection, Slapd.PEOPLE_BASE, AttributeProfile.OPENLDAP),
                            settings.pageSize());
                    typeAhead = bench.run(TypeAheadBench.prefixes(slapd.people(), settings.warmUp(), settings.seed()),
                            TypeAheadBench.prefixes(slapd.people(), settings.searches(), settings.seed() + 1));
                }
                return new DirectoryBenchReport(slapd.people().size(), settings.startTls() ? "StartTLS" : "plain LDAP",
                        slapd.seedDuration(), fullRuns, readOnly, settings.changes(), incremental, typeAhead,
                        settings.pageSize());
            }
        }
    }

    /**
     * The directory side of a full sync alone: every person read and mapped by our client, nothing
     * written (after the full runs, so as warm as their median); the rest of a sync's time is the database's.
     */
    private static Duration readEveryone(LdapPeopleDirectory directory, int expected) throws Exception {
        int[] read = {0};
        long started = System.nanoTime();
        directory.forEachPerson(java.util.Optional.empty(), person -> read[0]++);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (read[0] != expected) {
            throw new IllegalStateException("read " + read[0] + " people, seeded " + expected);
        }
        LOG.info("read {} people without writing them in {} ms", read[0], took.toMillis());
        return took;
    }

    /** Our client as the server would configure it for this slapd, with the rootdn as service account. */
    private static DirectoryConfig clientConfig(Slapd slapd, boolean startTls) {
        DirectoryConfig config = DirectoryConfig.of(slapd.host(), slapd.ldapPort(), Slapd.PEOPLE_BASE,
                AttributeProfile.OPENLDAP).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(60))
                .withServiceAccount(new ServiceAccount(Slapd.ADMIN_DN, Slapd.ADMIN_PASSWORD.toCharArray()));
        return startTls ? config.withSecurity(DirectorySecurity.START_TLS, List.of(slapd.certificate())) : config;
    }

    /** Every (people / changes)th person, from the {@code round}th one on, gets a new title and desk number. */
    private static void change(Slapd slapd, int changes, int round) throws Exception {
        if (changes <= 0) {
            return;
        }
        List<Person> numbered = slapd.people().subList(0, slapd.people().size() - 1);
        int step = Math.max(1, numbered.size() / changes);
        List<Person> changed = new ArrayList<>(changes);
        for (int i = round; i < numbered.size() && changed.size() < changes; i += step) {
            changed.add(numbered.get(i));
        }
        try (LDAPConnection admin = slapd.connectAsAdmin()) {
            PeopleChanges.promote(admin, changed);
        }
    }

    /** The peer's one connection: StartTLS (trusting exactly slapd's certificate) if asked, bound as the rootdn. */
    private static LDAPConnection peerConnection(Slapd slapd, boolean startTls) throws Exception {
        LDAPConnection connection = slapd.connect();
        try {
            if (startTls) {
                ResultCode code = connection.processExtendedOperation(new StartTLSExtendedRequest(
                        new SSLUtil(trusting(slapd.certificate())).createSSLContext())).getResultCode();
                if (code != ResultCode.SUCCESS) {
                    throw new IllegalStateException("slapd refused StartTLS: " + code);
                }
            }
            connection.bind(Slapd.ADMIN_DN, Slapd.ADMIN_PASSWORD);
            return connection;
        } catch (Exception e) {
            connection.close();
            throw e;
        }
    }

    private static javax.net.ssl.TrustManager trusting(X509Certificate certificate) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("slapd", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers()[0];
    }
}
