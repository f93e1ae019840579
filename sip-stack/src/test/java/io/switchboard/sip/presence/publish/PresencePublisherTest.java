package io.switchboard.sip.presence.publish;

import static io.switchboard.sip.ua.UserAgentFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.Availability;
import io.switchboard.core.model.DevicePresence;
import io.switchboard.core.model.Presence;
import io.switchboard.core.presence.PresenceComposer;
import io.switchboard.sip.client.SipUserAgent;
import io.switchboard.sip.presence.pidf.PidfAvailabilityMapping;
import io.switchboard.sip.presence.pidf.PidfParser;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.testpeer.TestSipServer;
import io.switchboard.sip.ua.SipRejectedException;
import io.switchboard.sip.ua.UserAgentFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.SIPIfMatchHeader;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** PUBLISH (RFC 3903) against the real JAIN-SIP test presence agent. */
class PresencePublisherTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private final UserAgentFixture fixture = new UserAgentFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @ParameterizedTest
    @EnumSource(value = SipTransport.class, names = {"UDP", "TCP"}) // TLS: SipTlsIT, TlsListeningTest
    void theInitialPublicationCarriesThePidfAndNoEntityTag(SipTransport transport) throws Exception {
        TestSipServer server = fixture.server("pa");
        SipUserAgent alice = fixture.alice(server, transport);

        PublicationStatus status = alice.presence().publish(presence(Availability.BUSY, "in a call")).get(5, TimeUnit.SECONDS);

        List<Request> publishes = server.received(Request.PUBLISH);
        Request initial = publishes.get(publishes.size() - 1);
        assertThat(initial.getHeader(SIPIfMatchHeader.NAME)).isNull();
        assertThat(initial.getHeader("Event").toString()).contains("presence");
        assertThat(initial.getHeader("Content-Type").toString()).contains("application/pidf+xml");
        assertThat(status.etag()).isEqualTo(server.presence().publication(ALICE).orElseThrow().etag());
        Presence published = new PidfAvailabilityMapping().toPresence(
                new PidfParser().parse(server.presence().publication(ALICE).orElseThrow().body()), Instant.now());
        assertThat(published.availability()).isEqualTo(Availability.BUSY);
        assertThat(published.note()).isEqualTo("in a call");
    }

    @Test
    void aChangeModifiesThePublicationUnderItsEntityTag() throws Exception {
        TestSipServer server = fixture.server("pa");
        SipUserAgent alice = fixture.alice(server, SipTransport.UDP);
        PublicationStatus first = alice.presence().publish(presence(Availability.AVAILABLE, "")).get(5, TimeUnit.SECONDS);

        PublicationStatus second = alice.presence().publish(presence(Availability.AWAY, "lunch")).get(5, TimeUnit.SECONDS);

        Request modify = last(server, Request.PUBLISH);
        assertThat(((SIPIfMatchHeader) modify.getHeader(SIPIfMatchHeader.NAME)).getETag()).isEqualTo(first.etag());
        assertThat(modify.getRawContent()).isNotEmpty();
        assertThat(second.etag()).isNotEqualTo(first.etag());
    }

    @Test
    void refreshesAtHalfTheLifetimeWithTheEntityTagAndNoBody() throws Exception {
        TestSipServer server = fixture.server("pa");
        server.presence().setMaxExpires(2);
        SipUserAgent alice = fixture.alice(server, SipTransport.TCP);
        PublicationStatus initial = alice.presence().publish(presence(Availability.AVAILABLE, "")).get(5, TimeUnit.SECONDS);
        assertThat(initial.granted()).isEqualTo(Duration.ofSeconds(2));

        await().atMost(WAIT).until(() -> server.received(Request.PUBLISH).stream()
                .anyMatch(r -> r.getHeader(SIPIfMatchHeader.NAME) != null && noBody(r)));
        Request refresh = server.received(Request.PUBLISH).stream()
                .filter(r -> r.getHeader(SIPIfMatchHeader.NAME) != null && noBody(r)).findFirst().orElseThrow();
        assertThat(((SIPIfMatchHeader) refresh.getHeader(SIPIfMatchHeader.NAME)).getETag()).isEqualTo(initial.etag());
        await().atMost(WAIT).until(() -> alice.presence().status().map(s -> !s.etag().equals(initial.etag())).orElse(false));
    }

    @Test
    void a412OnRefreshRepublishesTheLastDocumentFromScratch() throws Exception {
        TestSipServer server = fixture.server("pa");
        server.presence().setMaxExpires(2);
        SipUserAgent alice = fixture.alice(server, SipTransport.UDP);
        alice.presence().publish(presence(Availability.IN_A_MEETING, "standup")).get(5, TimeUnit.SECONDS);

        server.presence().forgetPublications();

        await().atMost(WAIT).until(() -> server.presence().publication(ALICE).isPresent());
        Request republished = last(server, Request.PUBLISH);
        assertThat(republished.getHeader(SIPIfMatchHeader.NAME)).isNull();
        Presence restored = new PidfAvailabilityMapping().toPresence(
                new PidfParser().parse(server.presence().publication(ALICE).orElseThrow().body()), Instant.now());
        assertThat(restored.availability()).isEqualTo(Availability.IN_A_MEETING);
        // the server stores the publication before its 200 reaches alice, and with a 2 s lifetime a
        // refresh may change the entity tag meanwhile: the two agree once the answers are in
        await().atMost(WAIT).until(() -> alice.presence().status()
                .map(s -> server.presence().publication(ALICE).map(p -> p.etag().equals(s.etag())).orElse(false))
                .orElse(false));
    }

    @Test
    void removeEndsThePublicationWithExpiresZero() throws Exception {
        TestSipServer server = fixture.server("pa");
        SipUserAgent alice = fixture.alice(server, SipTransport.UDP);
        PublicationStatus status = alice.presence().publish(presence(Availability.AVAILABLE, "")).get(5, TimeUnit.SECONDS);

        alice.presence().remove().get(5, TimeUnit.SECONDS);

        Request remove = last(server, Request.PUBLISH);
        assertThat(((ExpiresHeader) remove.getHeader(ExpiresHeader.NAME)).getExpires()).isZero();
        assertThat(((SIPIfMatchHeader) remove.getHeader(SIPIfMatchHeader.NAME)).getETag()).isEqualTo(status.etag());
        assertThat(server.presence().publication(ALICE)).isEmpty();
        assertThat(alice.presence().status()).isEmpty();
    }

    @Test
    void aRefusedPublicationIsATypedRejection() throws Exception {
        TestSipServer server = fixture.server("pa");
        server.answerNext(Request.PUBLISH, 403, 1);
        SipUserAgent alice = fixture.alice(server, SipTransport.UDP);

        assertThatThrownBy(() -> alice.presence().publish(presence(Availability.AVAILABLE, "")).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(SipRejectedException.class).hasMessageContaining("403");
    }

    @Test
    void afterAFailoverThePublicationIsRebuiltAtTheBackup() throws Exception {
        TestSipServer primary = fixture.server("primary");
        TestSipServer backup = fixture.server("backup");
        primary.presence().setMaxExpires(2);
        backup.presence().setMaxExpires(2);
        SipUserAgent alice = fixture.agent(io.switchboard.sip.ua.SipAccount.of(ALICE, UserAgentFixture.PASSWORD,
                        primary.proxy(SipTransport.UDP)).withBackup(backup.proxy(SipTransport.UDP)),
                UserAgentFixture.fastSettings().withKeepaliveInterval(Duration.ofMillis(300)));
        alice.registration().register().get(5, TimeUnit.SECONDS);
        alice.presence().publish(presence(Availability.ON_THE_PHONE, "")).get(5, TimeUnit.SECONDS);
        assertThat(primary.presence().publication(ALICE)).isPresent();

        primary.setSilent(true);

        await().atMost(WAIT.multipliedBy(2)).until(() -> backup.presence().publication(ALICE).isPresent());
        Presence moved = new PidfAvailabilityMapping().toPresence(
                new PidfParser().parse(backup.presence().publication(ALICE).orElseThrow().body()), Instant.now());
        assertThat(moved.availability()).isEqualTo(Availability.ON_THE_PHONE);
        assertThat(alice.currentProxy()).isEqualTo(backup.proxy(SipTransport.UDP));
    }

    private static boolean noBody(Request request) {
        return request.getRawContent() == null || request.getRawContent().length == 0;
    }

    private static Request last(TestSipServer server, String method) {
        List<Request> requests = server.received(method);
        return requests.get(requests.size() - 1);
    }

    static Presence presence(Availability availability, String note) {
        return PresenceComposer.compose(List.of(DevicePresence.of("desk", availability, note)));
    }
}
