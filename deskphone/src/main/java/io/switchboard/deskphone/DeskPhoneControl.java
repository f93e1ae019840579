package io.switchboard.deskphone;

import io.switchboard.core.model.Address;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A desk phone's HTTP control, on 127.0.0.1 only:
 * <pre>
 * GET  /status                     the phone as JSON (registration, calls, what each call hears)
 * POST /answer[?call=ID]           answer the call ringing longest (or that one)
 * POST /hangup[?call=ID]           hang up the current call (or that one); a ringing one is declined
 * POST /dial?to=bob@example.com    call someone ("bob" alone means bob at the line's domain)
 * POST /hold, POST /resume         hold the current call (inactive re-offer), take it off hold
 * POST /digits?d=123               send RFC 4733 digits in the connected call
 * </pre>
 * Parameters come in the query or as an {@code application/x-www-form-urlencoded} body. Answers
 * are JSON: the call acted on, or {@code {"error": "..."}} with 400 (bad input), 404 (no such
 * path), 405 (wrong method), 409 (no call in a fitting state), 413 (body over
 * {@link #MAX_BODY_BYTES}) or 503 (the phone cannot do it now). Requests naming another host than
 * the loopback are refused (403), so a web page cannot drive the phone through DNS rebinding.
 */
public final class DeskPhoneControl implements AutoCloseable {

    static final int MAX_BODY_BYTES = 4096;
    static final int MAX_QUERY_CHARS = 2048;
    private static final Logger LOG = LoggerFactory.getLogger(DeskPhoneControl.class);
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private final PhoneControls phone;
    private final HttpServer server;
    private final ExecutorService executor;

    private DeskPhoneControl(PhoneControls phone, HttpServer server, ExecutorService executor) {
        this.phone = phone;
        this.server = server;
        this.executor = executor;
    }

    /**
     * Serves {@code phone}'s control on 127.0.0.1.
     *
     * @param port the TCP port, 0 for an ephemeral one (see {@link #url()})
     */
    public static DeskPhoneControl start(PhoneControls phone, int port) throws IOException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("control port must be 0..65535: " + port);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 16);
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "deskphone-control-" + phone.line());
            thread.setDaemon(true);
            return thread;
        });
        DeskPhoneControl control = new DeskPhoneControl(phone, server, executor);
        server.createContext("/", control::handle);
        server.setExecutor(executor);
        server.start();
        LOG.info("Desk phone {}: control at {}", phone.line(), control.url());
        return control;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>/}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Reply reply;
            try {
                reply = route(exchange);
            } catch (BadRequest e) {
                reply = Reply.error(e.status, e.getMessage());
            } catch (IllegalArgumentException e) {
                reply = Reply.error(400, e.getMessage());
            } catch (IllegalStateException e) {
                reply = Reply.error(409, e.getMessage());
            } catch (DeskPhoneException e) {
                reply = Reply.error(503, e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("Desk phone {}: control request {} {} failed", phone.line(), exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(), e);
                reply = Reply.error(500, "internal error");
            }
            byte[] body = reply.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            if (reply.status == 405) {
                exchange.getResponseHeaders().set("Allow", exchange.getRequestURI().getPath().equals("/status")
                        ? "GET" : "POST");
            }
            exchange.sendResponseHeaders(reply.status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private Reply route(HttpExchange exchange) throws IOException, DeskPhoneException {
        checkHost(exchange.getRequestHeaders().getFirst("Host"));
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        Set<String> allowed = switch (path == null ? "" : path) {
            case "/status", "/hold", "/resume" -> Set.of();
            case "/answer", "/hangup" -> Set.of("call");
            case "/dial" -> Set.of("to");
            case "/digits" -> Set.of("d");
            default -> null;
        };
        if (allowed == null) {
            throw new BadRequest(404, "no such path: " + truncate(path) + " (try GET /status)");
        }
        boolean get = path.equals("/status");
        if (!method.equals(get ? "GET" : "POST")) {
            throw new BadRequest(405, path + " takes " + (get ? "GET" : "POST"));
        }
        Map<String, String> params = parameters(exchange, allowed);
        return switch (path) {
            case "/status" -> new Reply(200, status(phone.status()));
            case "/answer" -> Reply.call(params.containsKey("call") ? phone.answer(params.get("call")) : phone.answer());
            case "/hangup" -> Reply.call(params.containsKey("call") ? phone.hangUp(params.get("call")) : phone.hangUp());
            case "/dial" -> Reply.call(phone.dial(callee(required(params, "to"))));
            case "/hold" -> Reply.call(phone.hold());
            case "/resume" -> Reply.call(phone.resume());
            case "/digits" -> Reply.call(phone.sendDigits(required(params, "d")));
            default -> throw new BadRequest(404, "no such path");
        };
    }

    private static void checkHost(String host) {
        if (host == null) {
            return; // HTTP/1.0
        }
        String name = host.strip().toLowerCase(Locale.ROOT);
        int colon = name.lastIndexOf(':');
        if (colon > 0 && !name.endsWith("]")) {
            name = name.substring(0, colon);
        }
        if (!name.equals("127.0.0.1") && !name.equals("localhost")) {
            throw new BadRequest(403, "requests must name 127.0.0.1 or localhost as their Host");
        }
    }

    /** "bob" is bob at the line's domain; otherwise any form {@link Address#parse} takes. */
    private Address callee(String to) {
        String text = to.strip();
        if (text.isEmpty() || text.length() > 256) {
            throw new IllegalArgumentException("'to' must be an address such as bob@example.com");
        }
        if (!text.contains("@") && !text.contains(":")) {
            return Address.of(text, phone.line().domain());
        }
        return Address.parse(text);
    }

    private static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("parameter '" + name + "' is required");
        }
        return value;
    }

    /** The query's and the form body's parameters; unknown or repeated ones are bad input. */
    static Map<String, String> parameters(HttpExchange exchange, Set<String> allowed) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null && query.length() > MAX_QUERY_CHARS) {
            throw new BadRequest(400, "query too long");
        }
        parseForm(query, allowed, params);
        parseForm(readBody(exchange.getRequestBody()), allowed, params);
        return params;
    }

    private static String readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new BadRequest(413, "request body over " + MAX_BODY_BYTES + " bytes");
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    static void parseForm(String form, Set<String> allowed, Map<String, String> into) {
        if (form == null || form.isBlank()) {
            return;
        }
        for (String pair : form.strip().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new BadRequest(400, "malformed percent-encoding");
            }
            if (!allowed.contains(name)) {
                throw new BadRequest(400, "unknown parameter '" + truncate(name) + "'"
                        + (allowed.isEmpty() ? " (this request takes none)" : " (takes " + String.join(", ", allowed) + ")"));
            }
            if (into.putIfAbsent(name, value) != null) {
                throw new BadRequest(400, "parameter '" + name + "' given twice");
            }
        }
    }

    private static String truncate(String text) {
        return text == null ? "" : text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }

    // ---- JSON ----------------------------------------------------------------------------

    /** The status as the control API shows it. */
    static Map<String, Object> status(DeskPhoneStatus status) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("line", status.line().toString());
        json.put("registration", status.registration().name());
        json.put("toneHz", status.toneHz());
        json.put("autoAnswer", status.autoAnswer().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        json.put("calls", status.calls().stream().map(DeskPhoneControl::call).toList());
        return json;
    }

    static Map<String, Object> call(DeskPhoneCall call) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("callId", call.callId());
        json.put("remote", call.remote().toString());
        json.put("direction", call.incoming() ? "incoming" : "outgoing");
        json.put("state", call.state().name());
        json.put("heldHere", call.heldHere());
        json.put("media", call.mediaDirection().map(d -> d.attribute()).orElse(null));
        json.put("codec", call.codec().orElse(null));
        json.put("autoAnswerSeconds", call.autoAnswer().map(d -> d.toSeconds()).orElse(null));
        json.put("heardToneHz", Math.round(call.hearing().toneHz()));
        json.put("heardLevel", Math.round(call.hearing().level() * 1000) / 1000.0);
        json.put("receivedDigits", call.receivedDigits());
        json.put("startedAt", call.startedAt().toString());
        json.put("endReason", call.endReason());
        return json;
    }

    private record Reply(int status, Object body) {

        static Reply call(DeskPhoneCall call) {
            return new Reply(200, DeskPhoneControl.call(call));
        }

        static Reply error(int status, String message) {
            return new Reply(status, Map.of("error", message == null ? "error" : message));
        }

        String json() {
            try {
                return JSON.writeValueAsString(body);
            } catch (JsonProcessingException e) {
                return "{\"error\":\"cannot write JSON\"}";
            }
        }
    }

    /** Bad input with the status to answer it with. */
    private static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        BadRequest(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** Stops serving (at once: requests in progress are cut). */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
