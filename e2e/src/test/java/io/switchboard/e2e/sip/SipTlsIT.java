package io.switchboard.e2e.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.Availability;
import io.switchboard.core.model.DevicePresence;
import io.switchboard.core.model.Presence;
import io.switchboard.core.model.SubscriptionState;
import io.switchboard.core.presence.PresenceComposer;
import io.switchboard.core.service.SessionState;
import io.switchboard.core.service.SignInException;
import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.server.store.RosterItem;
import io.switchboard.server.store.jdbc.JdbcRosterStore;
import io.switchboard.sip.call.CallEnd;
import io.switchboard.sip.call.CallListener;
import io.switchboard.sip.call.SipCall;
import io.switchboard.sip.client.SipClientSession;
import io.switchboard.sip.client.SipUserAgent;
import io.switchboard.sip.message.DeliveryReport;
import io.switchboard.sip.message.PagerMessage;
import io.switchboard.sip.stack.SipStackFactory;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.tls.SipTlsTrust;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.sip.ua.SipCertificateUntrustedException;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.sip.ua.SipUserAgentSettings;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SIP over TLS (ADR 0023) against the bundled server's TLS port with its generated certificate:
 * registration, presence, MESSAGE and calls between a TLS user and a UDP user both ways (the server reaches
 * the TLS user over the connection that user opened), the certificate check of the client (an
 * untrusted certificate fails sign-in with its fingerprint; accepted, the same sign-in works),
 * and a client speaking plain TCP to the TLS port, which the server shrugs off.
 */
class SipTlsIT {

    @RegisterExtension
    static final BundledServerFixture SERVER = new BundledServerFixture();

    @RegisterExtension
    final ServerUsers users = new ServerUsers(SERVER);

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String OFFER = "v=0\r\no=a 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\n"
            + "t=0 0\r\nm=audio 47300 RTP/AVP 0\r\na=sendrecv\r\n";
    private static final String ANSWER = "v=0\r\no=b 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\n"
            + "t=0 0\r\nm=audio 47400 RTP/AVP 0\r\na=sendrecv\r\n";

    @Test
    void aUserRegistersOverTlsAndItsSignallingCountsAsSecureUnlikeUdp() throws Exception {
        SipUserAgent tls = registeredOverTls(users.newUser("tls"));
        SipUserAgent udp = users.registeredAgent(users.newUser("udp"));

        assertThat(tls.currentProxy().transport()).isEqualTo(SipTransport.TLS);
        assertThat(tls.signallingSecure()).isTrue();
        assertThat(udp.signallingSecure()).isFalse();
    }

    @Test
    void messagesCrossBetweenATlsUserAndAUdpUserBothWays() throws Exception {
        String tlsName = users.newUser("tlsim");
        String udpName = users.newUser("udpim");
        SipUserAgent tls = registeredOverTls(tlsName);
        SipUserAgent udp = users.registeredAgent(udpName);
        BlockingQueue<PagerMessage> atTls = new LinkedBlockingQueue<>();
        BlockingQueue<PagerMessage> atUdp = new LinkedBlockingQueue<>();
        tls.messaging().addListener(atTls::add);
        udp.messaging().addListener(atUdp::add);

        DeliveryReport toUdp = tls.messaging().send(users.address(udpName), "over TLS to UDP").get(10, TimeUnit.SECONDS);
        DeliveryReport toTls = udp.messaging().send(users.address(tlsName), "over UDP to TLS").get(10, TimeUnit.SECONDS);

        assertThat(toUdp.status()).isEqualTo(DeliveryReport.Status.DELIVERED);
        assertThat(toTls.status()).as("the server reached the TLS user over its connection")
                .isEqualTo(DeliveryReport.Status.DELIVERED);
        assertThat(atUdp.poll(10, TimeUnit.SECONDS).text()).isEqualTo("over TLS to UDP");
        assertThat(atTls.poll(10, TimeUnit.SECONDS).text()).isEqualTo("over UDP to TLS");
    }

    @Test
    void aTlsUserAndAUdpUserWatchEachOthersPresence() throws Exception {
        String tlsName = users.newUser("tlspres");
        String udpName = users.newUser("udppres");
        allowEachOther(tlsName, udpName);
        SipUserAgent tls = registeredOverTls(tlsName);
        SipUserAgent udp = users.registeredAgent(udpName);

        tls.watcher().subscribe(users.address(udpName)).get(10, TimeUnit.SECONDS);
        udp.watcher().subscribe(users.address(tlsName)).get(10, TimeUnit.SECONDS);
        udp.presence().publish(presence(Availability.IN_A_MEETING, "planning")).get(10, TimeUnit.SECONDS);
        tls.presence().publish(presence(Availability.DO_NOT_DISTURB, "focus")).get(10, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> availability(tls, users.address(udpName)) == Availability.IN_A_MEETING);
        await().atMost(WAIT).until(() -> availability(udp, users.address(tlsName)) == Availability.DO_NOT_DISTURB);
        assertThat(tls.watcher().presence(users.address(udpName))).get().extracting(Presence::note).isEqualTo("planning");
    }

    /** Both may see each other, as after XMPP subscription approvals (ADR 0014: one authorisation). */
    private void allowEachOther(String one, String other) throws Exception {
        JdbcRosterStore rosters = new JdbcRosterStore(SERVER.database());
        rosters.put(one, new RosterItem(users.address(other), other, SubscriptionState.BOTH, false, false, Set.of()));
        rosters.put(other, new RosterItem(users.address(one), one, SubscriptionState.BOTH, false, false, Set.of()));
    }

    private static Availability availability(SipUserAgent watcher, io.switchboard.core.model.Address contact) {
        return watcher.watcher().presence(contact).map(Presence::availability).orElse(null);
    }

    private static Presence presence(Availability availability, String note) {
        return PresenceComposer.compose(List.of(DevicePresence.of("desk", availability, note)));
    }

    @Test
    void aTlsUserCallsAUdpUserAndIsCalledBackAndEitherSideHangsUp() throws Exception {
        String tlsName = users.newUser("tlscall");
        String udpName = users.newUser("udpcall");
        SipUserAgent tls = registeredOverTls(tlsName);
        SipUserAgent udp = users.registeredAgent(udpName);
        BlockingQueue<SipCall> ringingAtTls = new LinkedBlockingQueue<>();
        BlockingQueue<SipCall> ringingAtUdp = new LinkedBlockingQueue<>();
        tls.calls().addIncomingCallListener(ringingAtTls::add);
        udp.calls().addIncomingCallListener(ringingAtUdp::add);

        // TLS caller, UDP callee; the callee hangs up: its BYE reaches the caller over TLS
        Ended atCaller = new Ended();
        SipCall outgoing = tls.calls().place(users.address(udpName), OFFER, atCaller);
        SipCall incoming = ringingAtUdp.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(incoming).as("the UDP callee rings").isNotNull();
        incoming.answer(ANSWER);
        await().atMost(WAIT).until(() -> atCaller.answer.get() != null);
        assertThat(atCaller.answer.get()).isEqualTo(ANSWER);
        incoming.hangUp();
        await().atMost(WAIT).until(() -> atCaller.end.get() != null);
        assertThat(atCaller.end.get().reason()).isEqualTo(CallEnd.Reason.REMOTE_HUNG_UP);
        assertThat(outgoing.state()).isEqualTo(io.switchboard.sip.call.CallState.ENDED);

        // UDP caller, TLS callee: the INVITE reaches the TLS user over its connection; it hangs up
        Ended atUdpCaller = new Ended();
        udp.calls().place(users.address(tlsName), OFFER, atUdpCaller);
        SipCall atTlsCallee = ringingAtTls.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(atTlsCallee).as("the TLS callee rings").isNotNull();
        atTlsCallee.answer(ANSWER);
        await().atMost(WAIT).until(() -> atUdpCaller.answer.get() != null);
        atTlsCallee.hangUp();
        await().atMost(WAIT).until(() -> atUdpCaller.end.get() != null);
        assertThat(atUdpCaller.end.get().reason()).isEqualTo(CallEnd.Reason.REMOTE_HUNG_UP);
    }

    @Test
    void anUntrustedCertificateFailsSignInWithItsFingerprintAndSignInWorksOnceItIsAccepted() throws Exception {
        String name = users.newUser("pin");
        SipClientSession untrusted = users.closeAfter(new SipClientSession(new SipStackFactory(),
                tlsAccount(name, SipTlsTrust.system()), SipUserAgentSettings.defaults(), Clock.systemUTC()));

        assertThatThrownBy(untrusted::signIn)
                .isInstanceOfSatisfying(SignInException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SignInException.Reason.CERTIFICATE_UNTRUSTED);
                    assertThat(e.certificateFingerprint()).contains(SERVER.certificateFingerprint());
                    assertThat(e.getMessage()).contains(SERVER.certificateFingerprint());
                });

        SipClientSession trusted = users.closeAfter(new SipClientSession(new SipStackFactory(),
                tlsAccount(name, SipTlsTrust.system().withTrustedFingerprint(SERVER.certificateFingerprint())),
                SipUserAgentSettings.defaults(), Clock.systemUTC()));
        trusted.signIn();
        assertThat(trusted.state()).isEqualTo(SessionState.CONNECTED);
    }

    @Test
    void theUserAgentReportsTheRefusedCertificateAsATypedFailure() throws Exception {
        String name = users.newUser("typed");
        SipUserAgent agent = users.closeAfter(SipUserAgent.start(new SipStackFactory(),
                tlsAccount(name, SipTlsTrust.system()), SipUserAgentSettings.defaults()));

        assertThatThrownBy(() -> agent.registration().register().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(SipCertificateUntrustedException.class,
                        e -> assertThat(e.fingerprint()).isEqualTo(SERVER.certificateFingerprint()));
    }

    @Test
    void tlsToAPortThatSpeaksNoTlsFailsSignInAsATlsFailure() throws Exception {
        String name = users.newUser("wrongport");
        SipAccount toPlainPort = SipAccount.of(users.address(name), ServerUsers.password(name),
                        new SipProxy("127.0.0.1", SERVER.sipPort(), SipTransport.TLS))
                .withTlsTrust(SipTlsTrust.system().withTrustedFingerprint(SERVER.certificateFingerprint()));
        SipClientSession session = users.closeAfter(new SipClientSession(new SipStackFactory(), toPlainPort,
                SipUserAgentSettings.defaults(), Clock.systemUTC()));

        assertThatThrownBy(session::signIn)
                .isInstanceOfSatisfying(SignInException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SignInException.Reason.TLS_FAILURE);
                    assertThat(e.certificateFingerprint()).isEmpty();
                    assertThat(e.getMessage()).contains("secure connection");
                });
    }

    @Test
    void aTlsPortNobodyListensOnIsUnreachableNotATlsFailure() throws Exception {
        String name = users.newUser("nobody");
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        SipAccount toNobody = SipAccount.of(users.address(name), ServerUsers.password(name),
                new SipProxy("127.0.0.1", closedPort, SipTransport.TLS));
        SipClientSession session = users.closeAfter(new SipClientSession(new SipStackFactory(), toNobody,
                SipUserAgentSettings.defaults(), Clock.systemUTC()));

        assertThatThrownBy(session::signIn)
                .isInstanceOfSatisfying(SignInException.class,
                        e -> assertThat(e.reason()).isEqualTo(SignInException.Reason.UNREACHABLE));
    }

    @Test
    void plainTcpOnTheTlsPortGetsNoSipAnswerAndTheServerKeepsServing() throws Exception {
        String request = "REGISTER sip:" + SERVER.domain() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/TCP 127.0.0.1:5999;branch=z9hG4bK-plain\r\n"
                + "From: <sip:x@" + SERVER.domain() + ">;tag=1\r\nTo: <sip:x@" + SERVER.domain() + ">\r\n"
                + "Call-ID: plain@127.0.0.1\r\nCSeq: 1 REGISTER\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        try (Socket plain = new Socket("127.0.0.1", SERVER.sipTlsPort())) {
            plain.setSoTimeout(5_000);
            OutputStream out = plain.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readWhatComes(plain.getInputStream());
            assertThat(answer).as("no SIP response in clear text").doesNotContain("SIP/2.0");
        }

        SipUserAgent tls = registeredOverTls(users.newUser("after"));
        assertThat(tls.signallingSecure()).isTrue();
    }

    private static String readWhatComes(InputStream in) throws Exception {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                text.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // the server keeps waiting for a handshake, or drops the connection: both are fine
        }
        return text.toString();
    }

    private SipAccount tlsAccount(String name, SipTlsTrust trust) {
        return SipAccount.of(users.address(name), ServerUsers.password(name),
                new SipProxy("127.0.0.1", SERVER.sipTlsPort(), SipTransport.TLS)).withTlsTrust(trust);
    }

    private SipUserAgent registeredOverTls(String name) throws Exception {
        SipAccount account = tlsAccount(name, SipTlsTrust.system().withTrustedFingerprint(SERVER.certificateFingerprint()));
        SipUserAgent agent = users.closeAfter(SipUserAgent.start(new SipStackFactory(), account,
                SipUserAgentSettings.defaults()));
        agent.registration().register().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        return agent;
    }

    private static final class Ended implements CallListener {
        final AtomicReference<String> answer = new AtomicReference<>();
        final AtomicReference<CallEnd> end = new AtomicReference<>();

        @Override
        public void ringing(SipCall call) {
        }

        @Override
        public void connected(SipCall call, String sdpAnswer) {
            answer.set(sdpAnswer);
        }

        @Override
        public void renegotiated(SipCall call, String offer, String sdpAnswer) {
        }

        @Override
        public void ended(SipCall call, CallEnd callEnd) {
            end.set(callEnd);
        }
    }
}
