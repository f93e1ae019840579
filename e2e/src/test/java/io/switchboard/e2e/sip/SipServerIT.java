package io.switchboard.e2e.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.e2e.BundledServerFixture;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.header.ContactHeader;
import javax.sip.header.Header;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bundled server's SIP side end to end: real JAIN-SIP user agents (test code) against the
 * in-process server on loopback — registration with digest, expiry, forking, MESSAGE, and the
 * flood limit.
 */
class SipServerIT {

    @RegisterExtension
    static final BundledServerFixture SERVER = new BundledServerFixture();

    private static final AtomicInteger NEXT = new AtomicInteger();
    private final List<SipTestUser> agents = new ArrayList<>();

    @AfterEach
    void closeAgents() {
        agents.forEach(SipTestUser::close);
    }

    /** A fresh user in the store and a UA for them over {@code tcp} or UDP. */
    private SipTestUser user(String prefix, boolean tcp) throws Exception {
        String name = prefix + NEXT.incrementAndGet();
        SERVER.register(name, "pw-" + name);
        return agent(name, "pw-" + name, tcp);
    }

    private SipTestUser agent(String name, String password, boolean tcp) throws Exception {
        SipTestUser agent = tcp
                ? SipTestUser.tcp(name, password, SERVER.domain(), SERVER.sipPort())
                : SipTestUser.udp(name, password, SERVER.domain(), SERVER.sipPort());
        agents.add(agent);
        return agent;
    }

    private static List<String> contacts(Response response) {
        List<String> contacts = new ArrayList<>();
        var it = response.getHeaders(ContactHeader.NAME);
        while (it.hasNext()) {
            contacts.add(((Header) it.next()).toString().trim());
        }
        return contacts;
    }

    @Test
    void registerIsChallengedThenAcceptedWithDigestOverUdpAndTcp() throws Exception {
        for (boolean tcp : new boolean[] {false, true}) {
            SipTestUser alice = user("reg", tcp);

            Request register = alice.request(Request.REGISTER,
                    alice.endpoint().addressFactory().createSipURI(null, SERVER.domain()), alice.aor(alice.user));
            Response challenge = alice.sendOnce(register);
            assertThat(challenge.getStatusCode()).isEqualTo(Response.UNAUTHORIZED);
            assertThat(SipTestUser.header(challenge, "WWW-Authenticate")).contains("realm=\"localhost\"");

            Response ok = alice.register(60);
            assertThat(ok.getStatusCode()).as("tcp=" + tcp).isEqualTo(Response.OK);
            assertThat(contacts(ok)).singleElement().asString()
                    .contains(alice.contactUri()).containsPattern("expires=(60|59)");
        }
    }

    @Test
    void aWrongPasswordIsChallengedAgainAndRegistersNothing() throws Exception {
        SipTestUser real = user("wrongpw", false);
        SipTestUser impostor = agent(real.user, "not-the-password", false);

        assertThat(impostor.register(60).getStatusCode()).isEqualTo(Response.UNAUTHORIZED);
        assertThat(SERVER.server().sipLocations().bindings(real.user)).isEmpty();
    }

    /**
     * REGISTER is answered without a server transaction, so a retransmission reaches the
     * registrar: the same Call-ID and CSeq again gets the 200 with the bindings (not a second
     * binding, not an error), a lower CSeq of that Call-ID fails (RFC 3261 §10.3 step 7).
     */
    @Test
    void aRetransmittedRegisterGetsItsBindingsAgainAndAnOlderOneFails() throws Exception {
        SipTestUser alice = user("again", false);
        Request first = alice.registerRequest(300);
        Response challenge = alice.sendOnce(first);
        assertThat(challenge.getStatusCode()).isEqualTo(Response.UNAUTHORIZED);
        Request authorised = alice.authorised(first, challenge);
        Response ok = alice.sendOnce(authorised);
        assertThat(ok.getStatusCode()).isEqualTo(Response.OK);
        assertThat(contacts(ok)).singleElement().asString().contains(alice.contactUri());

        Response retransmitted = alice.retransmitOverUdp(authorised);
        assertThat(retransmitted.getStatusCode()).isEqualTo(Response.OK);
        assertThat(contacts(retransmitted)).singleElement().asString().contains(alice.contactUri());
        assertThat(SipTestUser.header(retransmitted, "CSeq"))
                .isEqualTo(SipTestUser.header(authorised, "CSeq"));

        Request older = (Request) authorised.clone();
        ((javax.sip.header.CSeqHeader) older.getHeader("CSeq")).setSeqNumber(
                ((javax.sip.header.CSeqHeader) authorised.getHeader("CSeq")).getSeqNumber() - 1);
        ((javax.sip.header.ViaHeader) older.getHeader("Via")).removeParameter("branch");
        assertThat(alice.sendOnce(older).getStatusCode()).isEqualTo(Response.SERVER_INTERNAL_ERROR);

        assertThat(SERVER.server().sipLocations().bindings(alice.user)).hasSize(1);
        assertThat(contacts(alice.register(300))).hasSize(1);
    }

    @Test
    void aUserCannotRegisterSomeoneElsesAddress() throws Exception {
        SipTestUser mallory = user("mallory", false);
        SipTestUser victim = user("victim", false);
        Request register = mallory.request(Request.REGISTER,
                mallory.endpoint().addressFactory().createSipURI(null, SERVER.domain()), mallory.aor(victim.user));
        register.setHeader(mallory.endpoint().headerFactory().createExpiresHeader(60));

        assertThat(mallory.send(register).getStatusCode()).isEqualTo(Response.FORBIDDEN);
    }

    @Test
    void aUserWithoutDigestCredentialsGets403() throws Exception {
        SipTestUser old = user("old", false);
        try (var c = SERVER.database().dataSource().getConnection(); var s = c.createStatement()) {
            s.executeUpdate("DELETE FROM sip_digest_credentials WHERE username = '" + old.user + "'");
        }

        assertThat(old.register(60).getStatusCode()).isEqualTo(Response.FORBIDDEN);
    }

    @Test
    void aBindingExpiresAndTooShortAnExpiryIsRefusedWithMinExpires() throws Exception {
        SipTestUser bob = user("expiry", false);

        Response tooBrief = bob.register(1);
        assertThat(tooBrief.getStatusCode()).isEqualTo(Response.INTERVAL_TOO_BRIEF);
        assertThat(SipTestUser.header(tooBrief, "Min-Expires")).isEqualTo(
                String.valueOf(BundledServerFixture.SIP_MIN_EXPIRES));

        assertThat(bob.register(BundledServerFixture.SIP_MIN_EXPIRES).getStatusCode()).isEqualTo(Response.OK);
        assertThat(SERVER.server().sipLocations().bindings(bob.user)).hasSize(1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> SERVER.server().sipLocations().bindings(bob.user).isEmpty());
    }

    @Test
    void expiresZeroRemovesABindingAndTheWildcardRemovesAll() throws Exception {
        SipTestUser phone = user("wild", false);
        SipTestUser laptop = agent(phone.user, "pw-" + phone.user, true);
        assertThat(phone.register(300).getStatusCode()).isEqualTo(Response.OK);
        assertThat(contacts(laptop.register(300, 0.5f))).hasSize(2);

        assertThat(contacts(phone.register(0))).singleElement().asString().contains(laptop.contactUri())
                .contains("q=0.5");

        Request wildcard = laptop.request(Request.REGISTER,
                laptop.endpoint().addressFactory().createSipURI(null, SERVER.domain()), laptop.aor(laptop.user));
        wildcard.setHeader(laptop.endpoint().headerFactory().createContactHeader());
        wildcard.setHeader(laptop.endpoint().headerFactory().createExpiresHeader(0));
        Response ok = laptop.send(wildcard);
        assertThat(ok.getStatusCode()).isEqualTo(Response.OK);
        assertThat(contacts(ok)).isEmpty();
        assertThat(SERVER.server().sipLocations().bindings(phone.user)).isEmpty();
    }

    @Test
    void aFloodingSourceGets503WithRetryAfterThenSilenceWhileOthersStillRegister() throws Exception {
        SipTestUser bystander = user("bystander", false);
        List<String> responses = flood(BundledServerFixture.SIP_RATE_LIMIT_REQUESTS * 2, this::options);

        assertThat(responses.stream().filter(r -> r.startsWith("SIP/2.0 200")))
                .hasSize(BundledServerFixture.SIP_RATE_LIMIT_REQUESTS);
        assertThat(responses.stream().filter(r -> r.startsWith("SIP/2.0 503"))).singleElement()
                .satisfies(r -> assertThat(r.lines().filter(l -> l.startsWith("Retry-After:")).findFirst())
                        .contains("Retry-After: " + BundledServerFixture.SIP_RATE_LIMIT_WINDOW_SECONDS));
        // within the same window, another source is served as usual
        assertThat(bystander.register(60).getStatusCode()).isEqualTo(Response.OK);
    }

    @Test
    void aRegisterFloodFromOneSourceGetsChallengesThen503ThenSilenceWhileOthersStillRegister() throws Exception {
        SipTestUser bystander = user("regbystander", false);
        List<String> responses = flood(BundledServerFixture.SIP_RATE_LIMIT_REQUESTS * 3, (port, i) -> options(port, i)
                .replaceFirst("^OPTIONS ", "REGISTER ").replace("CSeq: 1 OPTIONS", "CSeq: 1 REGISTER")
                .replace("To: <sip:" + SERVER.domain() + ">", "To: <sip:flood@" + SERVER.domain() + ">"));

        // the allowance is answered (a challenge: no credentials), then one 503, then nothing
        assertThat(responses.stream().filter(r -> r.startsWith("SIP/2.0 401")))
                .hasSize(BundledServerFixture.SIP_RATE_LIMIT_REQUESTS);
        assertThat(responses.stream().filter(r -> r.startsWith("SIP/2.0 503"))).hasSize(1);
        assertThat(responses).hasSize(BundledServerFixture.SIP_RATE_LIMIT_REQUESTS + 1);
        assertThat(bystander.register(60).getStatusCode()).isEqualTo(Response.OK);
    }

    /** Sends {@code count} requests from one UDP socket at once; every response until 1.5 s of quiet. */
    private List<String> flood(int count, java.util.function.BiFunction<Integer, Integer, String> request)
            throws Exception {
        List<String> responses = new ArrayList<>();
        try (DatagramSocket flooder = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            flooder.setSoTimeout(1500);
            for (int i = 0; i < count; i++) {
                byte[] bytes = request.apply(flooder.getLocalPort(), i).getBytes(StandardCharsets.US_ASCII);
                flooder.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), SERVER.sipPort()));
            }
            byte[] buffer = new byte[65_535];
            try {
                while (true) {
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    flooder.receive(packet);
                    responses.add(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII));
                }
            } catch (SocketTimeoutException quiet) {
                return responses; // the server has said all it will say
            }
        }
    }

    @Test
    void garbageAndOversizedDatagramsAreLoggedBrieflyAndDoNotStopTheListener() throws Exception {
        SipTestUser after = user("garbage", false);
        ch.qos.logback.classic.Logger malformed =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.switchboard.sip.malformed");
        var appender = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        appender.start();
        malformed.addAppender(appender);
        malformed.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try (DatagramSocket junk = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            for (String text : List.of("hello", "INVITE\r\n\r\n", "SIP/2.0 999 What\r\nVia: x\r\n\r\n",
                    "OPTIONS sip:localhost SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:1;branch=z9hG4bKx\r\n"
                            + "Content-Length: 99999\r\n\r\n")) {
                byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
                junk.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), SERVER.sipPort()));
            }
            byte[] big = options(junk.getLocalPort(), 0).replace("Content-Length: 0", "Content-Length: 60000")
                    .concat("x".repeat(60_000)).getBytes(StandardCharsets.US_ASCII);
            junk.send(new DatagramPacket(big, big.length, InetAddress.getLoopbackAddress(), SERVER.sipPort()));
        }

        assertThat(after.register(60).getStatusCode()).isEqualTo(Response.OK);
        try {
            // one short DEBUG line per dropped message, never a stack trace
            await().atMost(Duration.ofSeconds(5)).until(() -> appender.list.stream()
                    .filter(e -> e.getLevel() == ch.qos.logback.classic.Level.DEBUG).count() >= 3);
            assertThat(appender.list).allSatisfy(e -> {
                assertThat(e.getThrowableProxy()).isNull();
                assertThat(e.getFormattedMessage()).doesNotContain("\n");
            });
            assertThat(appender.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("hello"));
        } finally {
            malformed.detachAppender(appender);
            malformed.setLevel(null);
        }
    }

    @Test
    void aDatagramAboveTheSizeLimitIsRefusedAndNotProcessed() throws Exception {
        try (DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            client.setSoTimeout(5000);
            int body = BundledServerFixture.SIP_MAX_MESSAGE_BYTES + 1000;
            byte[] big = options(client.getLocalPort(), 0)
                    .replace("Content-Length: 0", "Content-Type: text/plain\r\nContent-Length: " + body)
                    .concat("x".repeat(body)).getBytes(StandardCharsets.US_ASCII);
            client.send(new DatagramPacket(big, big.length, InetAddress.getLoopbackAddress(), SERVER.sipPort()));

            byte[] buffer = new byte[65_535];
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            client.receive(packet);
            // JAIN-SIP reads at most the limit, so the cut message fails its Content-Length (400);
            // a message it read whole but above our limit would get 513 from the dispatcher
            assertThat(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII))
                    .containsPattern("^SIP/2\\.0 (400|513) ");
        }
    }

    private String options(int localPort, int i) {
        return "OPTIONS sip:" + SERVER.domain() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + localPort + ";branch=z9hG4bK-flood-" + localPort + "-" + i + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:flood@" + SERVER.domain() + ">;tag=f" + i + "\r\n"
                + "To: <sip:" + SERVER.domain() + ">\r\n"
                + "Call-ID: flood-" + localPort + "-" + i + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    private Request message(SipTestUser from, String toUser, String text) throws Exception {
        Request message = from.request(Request.MESSAGE, from.aor(toUser), from.aor(toUser));
        return from.withBody(message, "text", "plain", text);
    }

    @Test
    void aMessageReachesEveryRegisteredDeviceOfTheRecipient() throws Exception {
        SipTestUser alice = user("alice", false);
        SipTestUser bobPhone = user("bob", false);
        SipTestUser bobLaptop = agent(bobPhone.user, "pw-" + bobPhone.user, true);
        assertThat(bobPhone.register(300).getStatusCode()).isEqualTo(Response.OK);
        assertThat(bobLaptop.register(300).getStatusCode()).isEqualTo(Response.OK);

        Response response = alice.send(message(alice, bobPhone.user, "hello from SIP"));

        assertThat(response.getStatusCode()).isEqualTo(Response.OK);
        for (SipTestUser device : List.of(bobPhone, bobLaptop)) {
            Request received = device.next(Request.MESSAGE, Duration.ofSeconds(5));
            assertThat(received).as(device.contactUri()).isNotNull();
            assertThat(new String(received.getRawContent(), StandardCharsets.UTF_8)).isEqualTo("hello from SIP");
            assertThat(SipTestUser.header(received, "From")).contains("sip:" + alice.user + "@localhost");
        }
    }

    @Test
    void aMessageToSomeoneWithoutDevicesIsStored202AndToNobodyIs404() throws Exception {
        SipTestUser alice = user("alice", false);
        SipTestUser offline = user("offline", false);

        // RFC 3428 §7: accepted for later delivery by the offline store (ADR 0016)
        assertThat(alice.send(message(alice, offline.user, "anyone?")).getStatusCode())
                .isEqualTo(Response.ACCEPTED);
        assertThat(alice.send(message(alice, "no-such-user", "anyone?")).getStatusCode())
                .isEqualTo(Response.NOT_FOUND);
    }

    @Test
    void aMessageMustComeFromTheAuthenticatedUser() throws Exception {
        SipTestUser mallory = user("mallory", false);
        SipTestUser bob = user("bob", false);
        assertThat(bob.register(300).getStatusCode()).isEqualTo(Response.OK);

        assertThat(mallory.sendOnce(forged(mallory, bob)).getStatusCode())
                .isEqualTo(Response.PROXY_AUTHENTICATION_REQUIRED);
        assertThat(mallory.send(forged(mallory, bob)).getStatusCode()).isEqualTo(Response.FORBIDDEN);
        assertThat(bob.next(Request.MESSAGE, Duration.ofMillis(500))).isNull();
    }

    private Request forged(SipTestUser mallory, SipTestUser bob) throws Exception {
        Request forged = message(mallory, bob.user, "I am alice");
        forged.setHeader(mallory.endpoint().headerFactory().createFromHeader(
                mallory.endpoint().addressFactory().createAddress(mallory.aor("alice")), "forged"));
        return forged;
    }

    @Test
    void forkingAnswersWithTheSuccessfulBranchOrTheBestFailure() throws Exception {
        SipTestUser alice = user("alice", false);
        SipTestUser busy = user("carol", false);
        SipTestUser free = agent(busy.user, "pw-" + busy.user, true);
        busy.answerWith(Request.MESSAGE, Response.BUSY_HERE);
        busy.answerWith(Request.INVITE, Response.BUSY_HERE);
        free.answerWith(Request.INVITE, Response.OK);
        assertThat(busy.register(300).getStatusCode()).isEqualTo(Response.OK);
        assertThat(free.register(300).getStatusCode()).isEqualTo(Response.OK);

        // an INVITE rings both devices in parallel; the one that picks up wins
        Request invite = alice.withBody(alice.request(Request.INVITE, alice.aor(busy.user), alice.aor(busy.user)),
                "application", "sdp", "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                        + "m=audio 40000 RTP/AVP 0\r\n");
        assertThat(alice.send(invite).getStatusCode()).isEqualTo(Response.OK);
        assertThat(busy.next(Request.INVITE, Duration.ofSeconds(5))).isNotNull();
        assertThat(free.next(Request.INVITE, Duration.ofSeconds(5))).isNotNull();

        // no branch succeeds: the lowest class wins, and a downstream 503 becomes 500 (RFC 3261 §16.7).
        // OPTIONS, not MESSAGE: a text MESSAGE nobody takes is stored (202, ADR 0016)
        busy.answerWith(Request.OPTIONS, Response.BUSY_HERE);
        free.answerWith(Request.OPTIONS, Response.SERVICE_UNAVAILABLE);
        assertThat(alice.send(options(alice, busy.user)).getStatusCode()).isEqualTo(Response.BUSY_HERE);
        busy.answerWith(Request.OPTIONS, Response.SERVICE_UNAVAILABLE);
        assertThat(alice.send(options(alice, busy.user)).getStatusCode())
                .isEqualTo(Response.SERVER_INTERNAL_ERROR);
    }

    private Request options(SipTestUser from, String toUser) throws Exception {
        return from.request(Request.OPTIONS, from.aor(toUser), from.aor(toUser));
    }
}
