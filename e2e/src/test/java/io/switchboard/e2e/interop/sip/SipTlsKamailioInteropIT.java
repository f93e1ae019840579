package io.switchboard.e2e.interop.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.model.Address;
import io.switchboard.core.service.SessionState;
import io.switchboard.core.service.SignInException;
import io.switchboard.e2e.interop.sip.KamailioFixture.User;
import io.switchboard.sip.client.SipClientSession;
import io.switchboard.sip.client.SipUserAgent;
import io.switchboard.sip.message.DeliveryReport;
import io.switchboard.sip.message.PagerMessage;
import io.switchboard.sip.stack.SipStackFactory;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.core.tls.CertificateFingerprint;
import io.switchboard.sip.tls.SipTlsTrust;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.sip.ua.SipUserAgentSettings;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Our SIP user agent over TLS (ADR 0023) against Kamailio's tls module (OpenSSL, an independent TLS
 * and SIP implementation) with a self-signed certificate: the certificate is refused with its
 * fingerprint until accepted, registration with digest works over TLS, and a MESSAGE between two
 * TLS users reaches the recipient over the connection it opened (Kamailio's {@code force_tcp_alias}).
 */
class SipTlsKamailioInteropIT {

    private static final String DOMAIN = "kamailio.interop.test";
    private static final Address ALICE = Address.of("alice", DOMAIN);
    private static final Address BOB = Address.of("bob", DOMAIN);

    @RegisterExtension
    static final KamailioFixture KAMAILIO = new KamailioFixture(KamailioFixture.Config.of(DOMAIN, true,
            new User("alice", "secret-a"), new User("bob", "secret-b")).withTls());

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    @Test
    void kamailiosSelfSignedCertificateIsRefusedWithItsFingerprintUntilAccepted() throws Exception {
        String fingerprint = CertificateFingerprint.sha256(KAMAILIO.tlsCertificate());
        SipClientSession untrusted = session(account(ALICE, "alice", SipTlsTrust.system()));

        assertThatThrownBy(untrusted::signIn).isInstanceOfSatisfying(SignInException.class, e -> {
            assertThat(e.reason()).isEqualTo(SignInException.Reason.CERTIFICATE_UNTRUSTED);
            assertThat(e.certificateFingerprint()).contains(fingerprint);
        });

        SipClientSession trusted = session(account(ALICE, "alice", SipTlsTrust.system().withTrustedFingerprint(fingerprint)));
        trusted.signIn();
        assertThat(trusted.state()).isEqualTo(SessionState.CONNECTED);
        assertThat(trusted.userAgent().signallingSecure()).isTrue();
    }

    @Test
    void aMessageBetweenTwoTlsUsersIsRelayedOverTheirConnections() throws Exception {
        SipUserAgent alice = registered(ALICE, "alice");
        SipUserAgent bob = registered(BOB, "bob");
        BlockingQueue<PagerMessage> bobInbox = new LinkedBlockingQueue<>();
        bob.messaging().addListener(bobInbox::add);

        DeliveryReport report = alice.messaging().send(BOB, "over TLS through Kamailio").get(20, TimeUnit.SECONDS);

        assertThat(report.status()).isEqualTo(DeliveryReport.Status.DELIVERED);
        PagerMessage received = bobInbox.poll(20, TimeUnit.SECONDS);
        assertThat(received).isNotNull();
        assertThat(received.text()).isEqualTo("over TLS through Kamailio");
        assertThat(received.from()).isEqualTo(ALICE);
    }

    private SipAccount account(Address who, String user, SipTlsTrust trust) {
        return SipAccount.of(who, KAMAILIO.password(user),
                new SipProxy("127.0.0.1", KAMAILIO.tlsPort(), SipTransport.TLS)).withTlsTrust(trust);
    }

    private SipClientSession session(SipAccount account) throws Exception {
        SipClientSession session = new SipClientSession(new SipStackFactory(), account, SipUserAgentSettings.defaults(),
                Clock.systemUTC());
        opened.add(session::close);
        return session;
    }

    private SipUserAgent registered(Address who, String user) throws Exception {
        SipTlsTrust trust = SipTlsTrust.system().withTrustedFingerprint(CertificateFingerprint.sha256(KAMAILIO.tlsCertificate()));
        SipUserAgent agent = SipUserAgent.start(new SipStackFactory(), account(who, user, trust),
                SipUserAgentSettings.defaults());
        opened.add(agent);
        agent.registration().register().get(20, TimeUnit.SECONDS);
        return agent;
    }
}
