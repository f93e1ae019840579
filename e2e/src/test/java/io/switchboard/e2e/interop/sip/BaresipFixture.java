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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

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

    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger tokens = new AtomicInteger();
    private final Config config;
    private final Path dir;
    private final Path output;
    private final Process process;
    private final Socket control;

    private BaresipFixture(Config config, Path dir, Path output, Process process, Socket control) {
        this.config = config;
        this.dir = dir;
        this.output = output;
        this.process = process;
        this.control = control;
    }

    public static BaresipFixture start(Config config) throws Exception {
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
                audio_source		none
                """.formatted(sipPort, transport, ctrlPort));
        Files.writeString(dir.resolve("accounts"),
                "<sip:%1$s@%2$s;transport=%5$s>;auth_pass=%3$s;outbound=\"sip:%4$s;transport=%5$s\";regint=600;pubint=600\n"
                        .formatted(config.user(), config.domain(), config.password(), config.registrar(), transport));
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
        control.setSoTimeout(10_000);
        LOG.info("baresip {}@{} on 127.0.0.1:{} (ctrl_tcp {}, dir {})", config.user(), config.domain(), sipPort,
                ctrlPort, dir);
        return new BaresipFixture(config, dir, output, process, control);
    }

    /** Runs a menu command through ctrl_tcp and returns its output ("data"); fails when not ok. */
    public synchronized String command(String command, String params) throws IOException {
        String token = Integer.toString(tokens.incrementAndGet());
        Map<String, String> request = new LinkedHashMap<>();
        request.put("command", command);
        request.put("params", params);
        request.put("token", token);
        byte[] body = json.writeValueAsBytes(request);
        OutputStream out = control.getOutputStream();
        out.write((body.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.write(',');
        out.flush();
        while (true) {
            JsonNode reply = json.readTree(readNetstring());
            if (reply.path("response").asBoolean(false) && token.equals(reply.path("token").asText())) {
                if (!reply.path("ok").asBoolean(false)) {
                    throw new IOException("baresip refused /" + command + " " + params + ": " + reply);
                }
                return reply.path("data").asText("");
            }
            LOG.debug("baresip event {}", reply);
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
