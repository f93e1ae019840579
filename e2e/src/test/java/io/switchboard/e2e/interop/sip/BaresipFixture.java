package io.switchboard.e2e.interop.sip;

import static org.awaitility.Awaitility.await;

import io.switchboard.e2e.scenarios.TestProcesses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debian's baresip 1.0 as a headless SIP phone: its own config directory ({@code -f dir}) with
 * one account registered with digest to the given registrar (used as outbound proxy), one
 * contact (the peer it messages and whose presence it subscribes to), the presence module
 * publishing its own state, and no audio. It is driven through the {@code ctrl_tcp} module:
 * netstring-framed JSON commands ({@code {"command":"message","params":"hi","token":"7"}}) on a
 * loopback TCP port, answered by {@code {"response":true,"ok":..,"data":..,"token":"7"}} with
 * events interleaved. Incoming MESSAGEs have no ctrl_tcp event in 1.0: the menu module prints
 * them ({@code sip:from: "text"}) through the stdio UI to stdout, which is kept in a file.
 * <p>
 * Two baresip 1.0 traps: the presence module must be a {@code module_app} loaded after
 * {@code account.so} (its publisher is created only for user agents existing at its init), and
 * the menu prints incoming MESSAGEs only through a UI module such as stdio.
 * <p>
 * Started with {@link Audio}, baresip also takes and places calls without a sound card: the
 * {@code ausine} module is the microphone (a sine of the given frequency; it only produces 48 kHz
 * stereo, so the source is opened at that rate and baresip resamples for PCMU), there is no
 * player, and the {@code sndfile} audio filter writes what baresip decoded (and what it encoded)
 * to WAV files in {@link #receivedAudioDirectory()} — baresip 1.0's {@code aufile} is a source
 * only. Call events ({@code CALL_INCOMING}, {@code CALL_ESTABLISHED}, {@code CALL_CLOSED} ...)
 * come as ctrl_tcp events and are kept ({@link #events()}).
 */
public final class BaresipFixture implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BaresipFixture.class);
    private static final int MAX_NETSTRING = 1 << 20;

    /**
     * @param user      account user (AoR sip:user@domain)
     * @param domain    SIP domain of the account
     * @param password  digest password (no ';' — it goes into baresip's account line)
     * @param registrar host:port of the registrar, also used as outbound proxy
     * @param peer      the contact's user in the same domain (target of {@link #sendMessage})
     * @param transport udp or tcp towards the registrar
     */
    public record Config(String user, String domain, String password, String registrar, String peer,
                         SippRunner.Transport transport) {
        public Config {
            if (password.contains(";") || password.contains("\"")) {
                throw new IllegalArgumentException("baresip's account line cannot carry ; or \" in a password");
            }
        }
    }

    /**
     * A phone with audio.
     *
     * @param toneHz      the sine baresip sends as its microphone (10–20000 Hz)
     * @param codecs      baresip's codecs in its order of preference, as its account line names
     *                    them ({@code opus/48000/2}, {@code PCMU}, {@code PCMA})
     * @param autoAnswer  whether incoming calls are answered at once
     */
    public record Audio(int toneHz, List<String> codecs, boolean autoAnswer) {
        public Audio {
            codecs = List.copyOf(codecs);
            if (codecs.isEmpty() || toneHz < 10 || toneHz > 20_000) {
                throw new IllegalArgumentException("baresip needs a codec and a tone of 10–20000 Hz");
            }
        }
    }

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger tokens = new AtomicInteger();
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final Config config;
    private final Path dir;
    private final Path output;
    private final Process process;
    private final Socket control;
    private final Thread reader;

    private BaresipFixture(Config config, Path dir, Path output, Process process, Socket control) {
        this.config = config;
        this.dir = dir;
        this.output = output;
        this.process = process;
        this.control = control;
        this.reader = new Thread(this::readControl, "baresip-ctrl-" + config.user());
        reader.setDaemon(true);
        reader.start();
    }

    public static BaresipFixture start(Config config) throws Exception {
        return start(config, Optional.empty(), false);
    }

    /** A phone that sends {@code audio}'s tone in calls and records what it hears. */
    public static BaresipFixture start(Config config, Audio audio) throws Exception {
        return start(config, Optional.of(audio), false);
    }

    /**
     * A phone with baresip's {@code mwi} module: once registered it subscribes to its own
     * {@code message-summary} (RFC 3842) and reports each NOTIFY body as an {@code MWI_NOTIFY} event.
     */
    public static BaresipFixture startWithMessageWaiting(Config config) throws Exception {
        return start(config, Optional.empty(), true);
    }

    private static BaresipFixture start(Config config, Optional<Audio> audio, boolean mwi) throws Exception {
        Path dir = Files.createTempDirectory("baresip-interop");
        int sipPort = freePortPair();
        int ctrlPort;
        do {
            ctrlPort = TestProcesses.freePort();
        } while (ctrlPort == sipPort || ctrlPort == sipPort + 1);
        String transport = config.transport().name().toLowerCase(java.util.Locale.ROOT);
        Files.writeString(dir.resolve("config"), """
                poll_method		epoll
                sip_listen		127.0.0.1:%d
                sip_trans_def		%s
                net_interface		127.0.0.1
                module_path		/usr/lib/baresip/modules
                module			stdio.so
                module			menu.so
                module			contact.so
                module			ctrl_tcp.so
                module_app		account.so
                module_app		presence.so
                ctrl_tcp_listen		127.0.0.1:%d
                audio_player		none
                """.formatted(sipPort, transport, ctrlPort) + (mwi ? "module_app\t\tmwi.so\n" : "") + audio.map(a -> audioConfig(a, dir)).orElse("""
                audio_source		none
                """));
        String callParams = audio.map(a -> (a.autoAnswer() ? ";answermode=auto" : ";answermode=manual")
                + ";audio_codecs=" + String.join(",", a.codecs())).orElse("");
        Files.writeString(dir.resolve("accounts"),
                "<sip:%1$s@%2$s;transport=%5$s>;auth_pass=%3$s;outbound=\"sip:%4$s;transport=%5$s\";regint=600;pubint=600%6$s\n"
                        .formatted(config.user(), config.domain(), config.password(), config.registrar(), transport,
                                callParams));
        // presence=p2p: baresip subscribes to the contact's presence
        Files.writeString(dir.resolve("contacts"),
                "\"%1$s\" <sip:%1$s@%2$s>;presence=p2p\n".formatted(config.peer(), config.domain()));
        Path output = dir.resolve("baresip.out");
        // stdbuf: line-buffered stdout, or incoming messages sit in stdio's buffer. stdin stays an
        // open pipe we never write to: the stdio module (which prints incoming MESSAGEs) needs one.
        Process process = new ProcessBuilder("stdbuf", "-oL", "-eL", "baresip", "-f", dir.toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        TestProcesses.awaitListening(ctrlPort, Duration.ofSeconds(20), process, output);
        Socket control = new Socket();
        control.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), ctrlPort), 2000);
        // no read timeout: a reader thread waits for events; commands time out on their own
        control.setSoTimeout(0);
        LOG.info("baresip {}@{} on 127.0.0.1:{} (ctrl_tcp {}, dir {})", config.user(), config.domain(), sipPort,
                ctrlPort, dir);
        return new BaresipFixture(config, dir, output, process, control);
    }

    /**
     * The config lines of a phone with audio: sine source, no player, the decoded and encoded
     * audio of each call dumped by sndfile, RTP ports away from the range our tests' media
     * engines use (47100–47399).
     */
    private static String audioConfig(Audio audio, Path dir) {
        try {
            Files.createDirectories(dir.resolve("received"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return """
                module			opus.so
                module			g711.so
                module			ausine.so
                module			sndfile.so
                audio_source		ausine,%d
                ausrc_srate		48000
                ausrc_channels		2
                snd_path		%s
                rtp_ports		47400-47599
                """.formatted(audio.toneHz(), dir.resolve("received"));
    }

    /** Runs a menu command through ctrl_tcp and returns its output ("data"); fails when not ok. */
    public synchronized String command(String command, String params) throws IOException {
        String token = Integer.toString(tokens.incrementAndGet());
        Map<String, String> request = new LinkedHashMap<>();
        request.put("command", command);
        request.put("params", params);
        request.put("token", token);
        byte[] body = json.writeValueAsBytes(request);
        CompletableFuture<JsonNode> response = new CompletableFuture<>();
        pending.put(token, response);
        try {
            OutputStream out = control.getOutputStream();
            out.write((body.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.write(',');
            out.flush();
            JsonNode reply = response.get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!reply.path("ok").asBoolean(false)) {
                throw new IOException("baresip refused /" + command + " " + params + ": " + reply);
            }
            return reply.path("data").asText("");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for baresip's answer to /" + command, e);
        } catch (ExecutionException e) {
            throw new IOException("baresip ctrl_tcp failed during /" + command, e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("baresip did not answer /" + command + " " + params + " in " + COMMAND_TIMEOUT, e);
        } finally {
            pending.remove(token);
        }
    }

    /** Reads ctrl_tcp until it closes: responses complete their command, events are kept. */
    private void readControl() {
        try {
            while (true) {
                JsonNode message = json.readTree(readNetstring());
                if (message.path("response").asBoolean(false)) {
                    CompletableFuture<JsonNode> waiting = pending.get(message.path("token").asText());
                    if (waiting != null) {
                        waiting.complete(message);
                    }
                } else {
                    LOG.debug("baresip {} event {}", config.user(), message);
                    events.add(message);
                }
            }
        } catch (IOException closed) {
            pending.values().forEach(waiting -> waiting.completeExceptionally(closed));
            LOG.debug("baresip {} ctrl_tcp closed: {}", config.user(), closed.toString());
        }
    }

    /** The ctrl_tcp events so far, oldest first ({@code {"event":true,"type":"CALL_CLOSED",...}}). */
    public List<JsonNode> events() {
        return List.copyOf(events);
    }

    /** Waits for an event of {@code type} (e.g. {@code CALL_ESTABLISHED}) after the first {@code skip} events. */
    public JsonNode awaitEvent(String type, int skip, Duration atMost) {
        return await(config.user() + " " + type).atMost(atMost).pollInterval(Duration.ofMillis(100))
                .until(() -> events.stream().skip(skip).filter(e -> type.equals(e.path("type").asText()))
                        .findFirst().orElse(null), java.util.Objects::nonNull);
    }

    /** Calls {@code uri} (through the outbound proxy). */
    public void dial(String uri) throws IOException {
        command("dial", uri);
    }

    /** Hangs up baresip's current call. */
    public void hangUp() throws IOException {
        command("hangup", "");
    }

    /**
     * The WAV files sndfile wrote with what baresip decoded, one per call, oldest first (the
     * names carry the call's start time to the second).
     */
    public List<Path> receivedAudio() throws IOException {
        return sndfileDumps("-dec.wav");
    }

    /** The WAV files sndfile wrote with what baresip encoded and sent, one per call, oldest first. */
    public List<Path> sentAudio() throws IOException {
        return sndfileDumps("-enc.wav");
    }

    public Path receivedAudioDirectory() {
        return dir.resolve("received");
    }

    private List<Path> sndfileDumps(String suffix) throws IOException {
        if (!Files.isDirectory(receivedAudioDirectory())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(receivedAudioDirectory())) {
            return new ArrayList<>(files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList());
        }
    }

    public void awaitRegistered(Duration atMost) {
        await(config.user() + " registered").atMost(atMost).pollInterval(Duration.ofMillis(200))
                .until(() -> command("reginfo", "").contains("OK"));
    }

    /** Sends a pager-mode MESSAGE to the configured peer (baresip's current contact). */
    public void sendMessage(String text) throws IOException {
        command("message", text);
    }

    /** Switches the published presence (baresip PUBLISHes open or closed). */
    public void setOnline(boolean online) throws IOException {
        command(online ? "presence_online" : "presence_offline", "");
    }

    /** What baresip printed so far (registration results, incoming messages, presence changes). */
    public String output() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    public String aor() {
        return "sip:" + config.user() + "@" + config.domain();
    }

    @Override
    public void close() throws Exception {
        close(false);
    }

    public void close(boolean keepFiles) throws Exception {
        control.close();
        reader.join(2000);
        process.getOutputStream().close();
        TestProcesses.stop(process, Duration.ofSeconds(10));
        if (keepFiles) {
            LOG.warn("baresip files kept for inspection in {}", dir);
        } else {
            TestProcesses.deleteTree(dir);
        }
    }

    private String readNetstring() throws IOException {
        DataInputStream in = new DataInputStream(control.getInputStream());
        int length = 0;
        int b;
        while ((b = in.read()) != ':') {
            if (b < '0' || b > '9' || length > MAX_NETSTRING) {
                throw new IOException("bad netstring from baresip ctrl_tcp (byte " + b + ")");
            }
            length = length * 10 + (b - '0');
        }
        byte[] data = new byte[length];
        in.readFully(data);
        if (in.read() != ',') {
            throw new IOException("netstring from baresip ctrl_tcp not closed by ','");
        }
        return new String(data, StandardCharsets.UTF_8);
    }

    /** baresip listens for SIP over TLS on the SIP port + 1: both must be free. */
    private static int freePortPair() throws IOException {
        for (int i = 0; i < 50; i++) {
            int port = TestProcesses.freePort();
            try (var probe = new java.net.ServerSocket(port + 1, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no two adjacent free ports on 127.0.0.1");
    }
}
