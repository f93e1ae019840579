package io.switchboard.deskphone;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.model.Address;
import io.switchboard.sip.register.RegistrationState;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP control over a fake phone: routing, parameters, bad input. */
class DeskPhoneControlTest {

    private static final Address LINE = Address.of("alice", "example.com");
    private final FakePhone phone = new FakePhone();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private DeskPhoneControl control;

    @BeforeEach
    void start() throws Exception {
        control = DeskPhoneControl.start(phone, 0);
    }

    @AfterEach
    void stop() {
        control.close();
    }

    @Test
    void listensOnLoopbackOnAnEphemeralPort() {
        assertThat(control.port()).isPositive();
        assertThat(control.url().toString()).isEqualTo("http://127.0.0.1:" + control.port() + "/");
    }

    @Test
    void statusIsJson() throws Exception {
        HttpResponse<String> response = get("/status");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode status = json.readTree(response.body());
        assertThat(status.get("line").asText()).isEqualTo("alice@example.com");
        assertThat(status.get("registration").asText()).isEqualTo("REGISTERED");
        assertThat(status.get("autoAnswer").asText()).isEqualTo("when-asked");
        assertThat(status.get("calls").get(0).get("state").asText()).isEqualTo("CONNECTED");
        assertThat(status.get("calls").get(0).get("heardToneHz").asLong()).isEqualTo(600);
        assertThat(status.get("calls").get(0).get("media").asText()).isEqualTo("sendrecv");
    }

    @Test
    void operationsReachThePhone() throws Exception {
        assertThat(post("/answer", "").statusCode()).isEqualTo(200);
        assertThat(post("/answer?call=c1", "").statusCode()).isEqualTo(200);
        assertThat(post("/dial?to=bob%40example.com", "").statusCode()).isEqualTo(200);
        assertThat(post("/dial", "to=carol").statusCode()).isEqualTo(200);
        assertThat(post("/hold", "").statusCode()).isEqualTo(200);
        assertThat(post("/resume", "").statusCode()).isEqualTo(200);
        assertThat(post("/digits?d=12%23", "").statusCode()).isEqualTo(200);
        assertThat(post("/hangup", "").statusCode()).isEqualTo(200);

        assertThat(phone.done).containsExactly("answer", "answer c1", "dial bob@example.com", "dial carol@example.com",
                "hold", "resume", "digits 12#", "hangup");
    }

    @Test
    void badInputIs400WithAMessage() throws Exception {
        assertError(post("/dial", ""), 400, "'to' is required");
        assertError(post("/dial?to=", ""), 400, "'to' is required");
        assertError(post("/dial?to=%40%40", ""), 400, "");
        assertError(post("/dial?to=a&to=b", ""), 400, "twice");
        assertError(post("/dial?who=bob", ""), 400, "unknown parameter");
        assertError(post("/hold?x=1", ""), 400, "takes none");
        assertError(post("/digits?d=12x", ""), 400, "digits");
        assertError(post("/digits", "d=%zz"), 400, "percent");
        assertThat(phone.done).isEmpty();
    }

    @Test
    void wrongStateIs409() throws Exception {
        phone.noCall = true;
        assertError(post("/answer", ""), 409, "no call");
    }

    @Test
    void unknownPathIs404AndWrongMethod405() throws Exception {
        assertError(get("/nothing"), 404, "no such path");
        assertError(post("/status/x", ""), 404, "no such path");
        HttpResponse<String> wrong = get("/answer");
        assertError(wrong, 405, "POST");
        assertThat(wrong.headers().firstValue("Allow")).contains("POST");
        assertError(post("/status", ""), 405, "GET");
    }

    @Test
    void bodiesOverTheLimitAre413() throws Exception {
        assertError(post("/dial", "to=" + "b".repeat(DeskPhoneControl.MAX_BODY_BYTES)), 413, "body");
        assertThat(phone.done).isEmpty();
    }

    @Test
    void anotherHostIsRefused() throws Exception {
        // the JDK client does not let us set Host: speak HTTP on a socket
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", control.port())) {
            socket.getOutputStream().write(("POST /answer HTTP/1.1\r\nHost: evil.example:80\r\nContent-Length: 0\r\n"
                    + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String reply = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(reply).startsWith("HTTP/1.1 403");
        }
        assertThat(phone.done).isEmpty();
    }

    private void assertError(HttpResponse<String> response, int status, String message) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json.readTree(response.body()).get("error").asText()).contains(message);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + control.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + control.port() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Notes what it is asked to do. */
    private static final class FakePhone implements PhoneControls {
        final List<String> done = new CopyOnWriteArrayList<>();
        volatile boolean noCall;

        private DeskPhoneCall call() {
            if (noCall) {
                throw new IllegalStateException("no call is ringing");
            }
            return new DeskPhoneCall("c1", Address.of("bob", "example.com"), true, PhoneCallState.CONNECTED, false,
                    Optional.of(io.switchboard.media.MediaDirection.SENDRECV), Optional.of("PCMU"), Optional.empty(),
                    new Hearing(600, 0.2), "", Instant.EPOCH, "");
        }

        private DeskPhoneCall did(String what) {
            DeskPhoneCall call = call();
            done.add(what);
            return call;
        }

        @Override
        public Address line() {
            return LINE;
        }

        @Override
        public DeskPhoneStatus status() {
            return new DeskPhoneStatus(LINE, RegistrationState.REGISTERED, 440, AutoAnswerPolicy.WHEN_ASKED,
                    List.of(call()));
        }

        @Override
        public DeskPhoneCall dial(Address callee) {
            return did("dial " + callee);
        }

        @Override
        public DeskPhoneCall answer() {
            return did("answer");
        }

        @Override
        public DeskPhoneCall answer(String callId) {
            return did("answer " + callId);
        }

        @Override
        public DeskPhoneCall hangUp() {
            return did("hangup");
        }

        @Override
        public DeskPhoneCall hangUp(String callId) {
            return did("hangup " + callId);
        }

        @Override
        public DeskPhoneCall hold() {
            return did("hold");
        }

        @Override
        public DeskPhoneCall resume() {
            return did("resume");
        }

        @Override
        public DeskPhoneCall sendDigits(String callId, String digits) {
            return sendDigits(digits);
        }

        @Override
        public DeskPhoneCall sendDigits(String digits) {
            if (!DeskPhone.DIGITS.matcher(digits).matches()) {
                throw new IllegalArgumentException("digits must be 1 to 32 of 0-9, *, #, A-D");
            }
            return did("digits " + digits);
        }
    }
}
