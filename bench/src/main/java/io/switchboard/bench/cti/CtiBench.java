package io.switchboard.bench.cti;

import io.switchboard.core.model.Address;
import io.switchboard.deskphone.AutoAnswerPolicy;
import io.switchboard.deskphone.DeskPhone;
import io.switchboard.deskphone.DeskPhoneConfig;
import io.switchboard.media.MediaEngine;
import io.switchboard.media.MediaSettings;
import io.switchboard.media.RtpPortRange;
import io.switchboard.server.SwitchboardServer;
import io.switchboard.server.config.ServerConfig;
import io.switchboard.server.config.SipConfig;
import io.switchboard.server.config.SipRateLimitConfig;
import io.switchboard.server.store.jdbc.Database;
import io.switchboard.server.store.jdbc.JdbcUserStore;
import io.switchboard.server.tls.CertificateManager;
import io.switchboard.sip.client.SipUserAgent;
import io.switchboard.sip.csta.ClearConnection;
import io.switchboard.sip.csta.ConnectionId;
import io.switchboard.sip.csta.CstaErrorCode;
import io.switchboard.sip.csta.CstaResponse;
import io.switchboard.sip.csta.DeviceId;
import io.switchboard.sip.csta.MakeCall;
import io.switchboard.sip.csta.MakeCallResponse;
import io.switchboard.sip.csta.RequestSystemStatus;
import io.switchboard.sip.cti.CstaSession;
import io.switchboard.sip.cti.CstaSessions;
import io.switchboard.sip.stack.SipStackFactory;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.sip.ua.SipUserAgentSettings;

import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Desk-phone mode on loopback, with the bundled server in this process: the click-to-call path
 * (the client's MakeCall until the desk phone rings, the gateway's answer, and until the callee
 * rings — two simulated desk phones, the same ones the demo starts), and CTI sessions held open
 * by SIPp with a MonitorStart each, while our client times RequestSystemStatus round trips.
 */
public final class CtiBench implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CtiBench.class);
    private static final String PASSWORD = "bench-cti";
    /** The gateway's limit of sessions per user (CtiLimits): the held sessions are spread over users. */
    public static final int SESSIONS_PER_USER = 8;

    private final Path dir;
    private final Database database;
    private final SwitchboardServer server;
    private final SipUserAgent owner;
    private final Phones phones;
    private final CstaSession session;
    private final String domain;

    private CtiBench(Path dir, Database database, SwitchboardServer server, SipUserAgent owner, Phones phones,
                     CstaSession session, String domain) {
        this.domain = domain;
        this.dir = dir;
        this.database = database;
        this.server = server;
        this.owner = owner;
        this.phones = phones;
        this.session = session;
    }

    /** The desk phone and the callee: when each rang, and back to idle between calls. */
    private interface Phones extends AutoCloseable {
        /** Futures completed with {@link System#nanoTime()} when the next call reaches the desk phone, the callee. */
        void expectNextCall(CompletableFuture<Long> deskRang, CompletableFuture<Long> calleeRang);

        boolean idle();

        void hangUpAll();

        @Override
        void close();
    }

    /**
     * Plain user agents (sip-stack's, as the softphone uses): the desk phone answers at once when
     * the INVITE asks for auto-answer (a fixed SDP, no media), the callee only rings. The times are
     * taken in the agents' incoming-call callbacks: pure signalling.
     */
    private static final class PlainPhones implements Phones {
        private final SipUserAgent desk;
        private final SipUserAgent callee;
        private final Set<io.switchboard.sip.call.SipCall> live = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final AtomicReference<CompletableFuture<Long>> deskRang = new AtomicReference<>(new CompletableFuture<>());
        private final AtomicReference<CompletableFuture<Long>> calleeRang = new AtomicReference<>(new CompletableFuture<>());

        PlainPhones(SipUserAgent desk, SipUserAgent callee) {
            this.desk = desk;
            this.callee = callee;
            desk.calls().addIncomingCallListener(call -> {
                long at = System.nanoTime();
                live.add(call);
                deskRang.get().complete(at);
                boolean asked = call.inviteHeaders("Call-Info").stream().anyMatch(h -> h.contains("answer-after"))
                        || call.inviteHeaders("Alert-Info").stream().anyMatch(h -> h.contains("auto-answer"));
                if (asked) {
                    call.answer(sdp(40_000));
                } else {
                    call.reject(486);
                }
            });
            callee.calls().addIncomingCallListener(call -> {
                long at = System.nanoTime();
                live.add(call);
                calleeRang.get().complete(at);
            });
        }

        private static String sdp(int port) {
            return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                    + "m=audio " + port + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";
        }

        @Override
        public void expectNextCall(CompletableFuture<Long> deskNext, CompletableFuture<Long> calleeNext) {
            deskRang.set(deskNext);
            calleeRang.set(calleeNext);
        }

        @Override
        public boolean idle() {
            live.removeIf(call -> call.state() == io.switchboard.sip.call.CallState.ENDED);
            return live.isEmpty();
        }

        @Override
        public void hangUpAll() {
            live.forEach(io.switchboard.sip.call.SipCall::hangUp);
        }

        @Override
        public void close() {
            desk.close();
            callee.close();
        }
    }

    /**
     * The demo's simulated desk phones: real media, so each answer starts an RTP session first.
     * The desk phone's own ringing cannot be timed from outside (its listeners wait for its lock
     * while it answers), so only the callee's time is meaningful.
     */
    private static final class SimulatedPhones implements Phones {
        private final MediaEngine media;
        private final DeskPhone desk;
        private final DeskPhone callee;
        private final Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final AtomicReference<CompletableFuture<Long>> deskRang = new AtomicReference<>(new CompletableFuture<>());
        private final AtomicReference<CompletableFuture<Long>> calleeRang = new AtomicReference<>(new CompletableFuture<>());

        SimulatedPhones(MediaEngine media, DeskPhone desk, DeskPhone callee) {
            this.media = media;
            this.desk = desk;
            this.callee = callee;
            desk.addListener((status, changed) -> {
                if (changed != null && seen.add("desk " + changed.callId())) {
                    deskRang.get().complete(System.nanoTime());
                }
            });
            callee.addListener((status, changed) -> {
                if (changed != null && seen.add("callee " + changed.callId())) {
                    calleeRang.get().complete(System.nanoTime());
                }
            });
        }

        @Override
        public void expectNextCall(CompletableFuture<Long> deskNext, CompletableFuture<Long> calleeNext) {
            deskRang.set(deskNext);
            calleeRang.set(calleeNext);
        }

        @Override
        public boolean idle() {
            return desk.status().liveCalls().isEmpty() && callee.status().liveCalls().isEmpty();
        }

        @Override
        public void hangUpAll() {
            desk.status().liveCalls().forEach(c -> desk.hangUp(c.callId()));
            callee.status().liveCalls().forEach(c -> callee.hangUp(c.callId()));
        }

        @Override
        public void close() {
            desk.close();
            callee.close();
            media.close();
        }
    }

    /** Starts the server (no flood limit: the load comes from one address), alice's desk line and the phones. */
    public static CtiBench start(Path dir, int firstRtpPort, boolean simulatedPhones) throws Exception {
        ServerConfig config = ServerConfig.defaults().withPort(0).withXcapPort(0)
                .withSip(SipConfig.defaults().withPort(0).withTls(false, 0)
                        .withRateLimit(new SipRateLimitConfig(Integer.MAX_VALUE, 2,
                                SipRateLimitConfig.SourceKey.ADDRESS_AND_PORT)));
        var db = config.database();
        Database database = Database.open(db.jdbcUrl(dir), db.username(), db.password(), db.maximumPoolSize());
        CertificateManager certificates = CertificateManager.loadOrCreate(dir, config.domain());
        SwitchboardServer server = SwitchboardServer.create(config, database, certificates);
        server.start();
        JdbcUserStore users = new JdbcUserStore(database, config.domain());
        for (String user : List.of("alice", "desk", "bob")) {
            users.create(user, PASSWORD.toCharArray());
        }
        server.assignDeskLine("desk", "alice");
        SipProxy proxy = new SipProxy("127.0.0.1", server.sipPort(), SipTransport.UDP);
        Phones phones;
        if (simulatedPhones) {
            MediaEngine media = MediaEngine.start(new MediaSettings(new RtpPortRange(firstRtpPort, firstRtpPort + 99),
                    dir.resolve("media")));
            DeskPhone desk = DeskPhone.start(DeskPhoneConfig.of(Address.of("desk", config.domain()), PASSWORD, proxy)
                    .withAutoAnswer(AutoAnswerPolicy.WHEN_ASKED).withTone(700), media);
            DeskPhone callee = DeskPhone.start(DeskPhoneConfig.of(Address.of("bob", config.domain()), PASSWORD, proxy)
                    .withAutoAnswer(AutoAnswerPolicy.NEVER).withTone(1100), media);
            desk.firstRegistration().get(10, TimeUnit.SECONDS);
            callee.firstRegistration().get(10, TimeUnit.SECONDS);
            phones = new SimulatedPhones(media, desk, callee);
        } else {
            phones = new PlainPhones(registered("desk", config.domain(), proxy), registered("bob", config.domain(), proxy));
        }
        SipUserAgent owner = registered("alice", config.domain(), proxy);
        CstaSession session = new CstaSessions(owner).open(Address.of("cti", config.domain())).get(10, TimeUnit.SECONDS);
        return new CtiBench(dir, database, server, owner, phones, session, config.domain());
    }

    private static SipUserAgent registered(String user, String domain, SipProxy proxy) throws Exception {
        SipUserAgent agent = SipUserAgent.start(new SipStackFactory(), SipAccount.of(Address.of(user, domain), PASSWORD,
                proxy), SipUserAgentSettings.defaults());
        agent.registration().register().get(10, TimeUnit.SECONDS);
        return agent;
    }

    /** Latencies of one click-to-call, in milliseconds. */
    private record Call(double answered, double deskRings, double calleeRings) {
    }

    /** Percentiles over the timed calls. */
    public record ClickToCall(int calls, int failed, double[] answered, double[] deskRings, double[] calleeRings) {
        public void print(PrintStream out) {
            out.printf("click-to-call: %d calls timed, %d failed%n", calls, failed);
            out.println("| step (from the client sending MakeCall) | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) |");
            out.println("|---|---:|---:|---:|---:|");
            row(out, "MakeCall answered (MakeCallResponse at the client)", answered);
            row(out, "desk phone rings (its INVITE arrived, auto-answer asked)", deskRings);
            row(out, "callee rings (its INVITE arrived)", calleeRings);
        }
    }

    /**
     * Places {@code warmUp} untimed and then {@code calls} timed click-to-calls one after the other:
     * MakeCall from the desk line to bob, then, once bob rings, ClearConnection, and the next call
     * when both phones are idle again.
     */
    public ClickToCall clickToCall(int warmUp, int calls) throws Exception {
        double[] answered = new double[calls];
        double[] deskRings = new double[calls];
        double[] calleeRings = new double[calls];
        int timed = 0;
        int failed = 0;
        for (int i = 0; i < warmUp + calls; i++) {
            CompletableFuture<Long> deskRang = new CompletableFuture<>();
            CompletableFuture<Long> calleeRang = new CompletableFuture<>();
            phones.expectNextCall(deskRang, calleeRang);
            try {
                Call call = oneCall(deskRang, calleeRang);
                if (i >= warmUp) {
                    answered[timed] = call.answered();
                    deskRings[timed] = call.deskRings();
                    calleeRings[timed] = call.calleeRings();
                    timed++;
                }
            } catch (Exception e) {
                failed++;
                LOG.warn("Click-to-call {} failed: {}", i, e.toString());
                awaitIdle();
            }
        }
        return new ClickToCall(timed, failed, Arrays.copyOf(answered, timed), Arrays.copyOf(deskRings, timed),
                Arrays.copyOf(calleeRings, timed));
    }

    private Call oneCall(CompletableFuture<Long> deskRang, CompletableFuture<Long> calleeRang) throws Exception {
        long start = System.nanoTime();
        CstaResponse response = session.request(new MakeCall(device("desk"), device("bob"), true))
                .get(10, TimeUnit.SECONDS);
        long answered = System.nanoTime();
        if (!(response instanceof MakeCallResponse made)) {
            throw new IllegalStateException("MakeCall refused: " + response);
        }
        ConnectionId connection = made.callingDevice();
        long deskAt = deskRang.get(10, TimeUnit.SECONDS);
        long calleeAt = calleeRang.get(10, TimeUnit.SECONDS);
        session.request(new ClearConnection(connection)).get(10, TimeUnit.SECONDS);
        awaitIdle();
        return new Call(millis(answered - start), millis(deskAt - start), millis(calleeAt - start));
    }

    private void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!phones.idle()) {
            if (System.nanoTime() > deadline) {
                phones.hangUpAll();
                LOG.warn("Phones still in a call 10 s after ClearConnection; hung up");
                return;
            }
            Thread.sleep(2);
        }
    }

    /** What holding sessions did. */
    public record HeldSessions(int asked, int reached, int monitors, double heapPerSessionKb, long heapBeforeMb,
                               long heapAfterMb, double rampSeconds, double[] idleRtt, double[] loadedRtt) {
        public void print(PrintStream out) {
            out.printf("CTI sessions held: %d of %d asked (%d monitors), ramp %.1f s%n", reached, asked, monitors,
                    rampSeconds);
            out.printf("heap: %d MB before, %d MB with the sessions: %.1f kB per session (monitor included)%n",
                    heapBeforeMb, heapAfterMb, heapPerSessionKb);
            out.println("| RequestSystemStatus round trip (our client) | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) |");
            out.println("|---|---:|---:|---:|---:|");
            row(out, "no other session", idleRtt);
            row(out, reached + " sessions held", loadedRtt);
        }
    }

    /**
     * Opens {@code sessions} CTI sessions with SIPp ({@code sipp/cti-hold.xml}: INVITE with digest,
     * MonitorStart of the user's own desk line, then held), spread over users
     * {@value #SESSIONS_PER_USER} at a time; once the count stops rising, measures the heap and
     * {@code samples} RequestSystemStatus round trips of our own session, then stops SIPp.
     */
    public HeldSessions holdSessions(int sessions, int rate, int samples, String sippCommand) throws Exception {
        double[] idle = rtt(samples);
        int userCount = (sessions + SESSIONS_PER_USER - 1) / SESSIONS_PER_USER;
        JdbcUserStore users = new JdbcUserStore(database, domain);
        StringBuilder rows = new StringBuilder("SEQUENTIAL\n");
        for (int u = 0; u < userCount; u++) {
            String user = "load" + u;
            String line = "loadline" + u;
            users.create(user, PASSWORD.toCharArray());
            users.create(line, PASSWORD.toCharArray());
            server.assignDeskLine(line, user);
        }
        for (int s = 0; s < sessions; s++) {
            int u = s / SESSIONS_PER_USER;
            rows.append("load").append(u).append(';').append(domain).append(";[authentication username=load")
                    .append(u).append(" password=").append(PASSWORD).append("];loadline").append(u).append(";\n");
        }
        Path injection = dir.resolve("cti-users.csv");
        Files.writeString(injection, rows.toString());
        Path scenario = dir.resolve("cti-hold.xml");
        try (InputStream in = CtiBench.class.getResourceAsStream("/sipp/cti-hold.xml")) {
            Files.copy(in, scenario);
        }
        long before = usedHeapAfterGc();
        Path output = dir.resolve("sipp.out");
        Process sipp = new ProcessBuilder(sippCommand, "127.0.0.1:" + server.sipPort(), "-sf", scenario.toString(),
                "-inf", injection.toString(), "-t", "u1", "-i", "127.0.0.1", "-p", "0",
                "-m", Integer.toString(sessions), "-l", Integer.toString(sessions), "-r", Integer.toString(rate),
                "-d", Integer.toString(3_600_000), "-nostdin", "-trace_err",
                "-error_file", dir.resolve("sipp-errors.log").toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            long rampStart = System.nanoTime();
            int reached = 0;
            long lastRise = System.nanoTime();
            long lastRiseAtCount = -1;
            while (System.nanoTime() - lastRise < TimeUnit.SECONDS.toNanos(10)) {
                if (!sipp.isAlive()) {
                    LOG.warn("SIPp ended early (exit {}): {}", sipp.exitValue(),
                            Files.readString(output, StandardCharsets.ISO_8859_1));
                    break;
                }
                int now = server.ctiGateway().sessionCount();
                if (now > reached) {
                    reached = now;
                    lastRise = System.nanoTime();
                    lastRiseAtCount = lastRise;
                }
                if (reached >= sessions + 1) { // ours too
                    break;
                }
                Thread.sleep(100);
            }
            double ramp = (lastRiseAtCount - rampStart) / 1e9;
            int held = server.ctiGateway().sessionCount() - 1;
            int monitors = server.ctiGateway().monitorCount();
            long after = usedHeapAfterGc();
            double[] loaded = rtt(samples);
            return new HeldSessions(sessions, held, monitors, held > 0 ? (after - before) / 1024.0 / held : 0,
                    before >> 20, after >> 20, ramp, idle, loaded);
        } finally {
            sipp.destroy();
            if (!sipp.waitFor(10, TimeUnit.SECONDS)) {
                sipp.destroyForcibly();
            }
        }
    }

    private double[] rtt(int samples) throws Exception {
        double[] rtt = new double[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            CstaResponse response = session.request(new RequestSystemStatus()).get(10, TimeUnit.SECONDS);
            rtt[i] = millis(System.nanoTime() - start);
            if (response instanceof CstaErrorCode error) {
                throw new IllegalStateException("RequestSystemStatus refused: " + error);
            }
        }
        return rtt;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private DeviceId device(String user) {
        return new DeviceId("sip:" + user + "@" + domain);
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    static void row(PrintStream out, String label, double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        out.printf("| %s | %.1f | %.1f | %.1f | %.1f |%n", label, percentile(sorted, 50), percentile(sorted, 90),
                percentile(sorted, 99), sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1]);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    @Override
    public void close() {
        session.close();
        owner.close();
        phones.close();
        server.stop();
        database.close();
    }
}
