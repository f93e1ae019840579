package io.switchboard.e2e.interop.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.Address;
import io.switchboard.deskphone.AutoAnswerPolicy;
import io.switchboard.deskphone.DeskPhone;
import io.switchboard.deskphone.DeskPhoneCall;
import io.switchboard.deskphone.DeskPhoneConfig;
import io.switchboard.deskphone.Hearing;
import io.switchboard.deskphone.PhoneCallState;
import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.e2e.interop.sip.SippRunner.Transport;
import io.switchboard.media.MediaEngine;
import io.switchboard.media.MediaSettings;
import io.switchboard.media.RtpPortRange;
import io.switchboard.sip.client.SipUserAgent;
import io.switchboard.sip.csta.ClearConnection;
import io.switchboard.sip.csta.ConnectionId;
import io.switchboard.sip.csta.DeviceId;
import io.switchboard.sip.csta.HoldCall;
import io.switchboard.sip.csta.MakeCall;
import io.switchboard.sip.csta.MakeCallResponse;
import io.switchboard.sip.csta.RetrieveCall;
import io.switchboard.sip.cti.CstaSession;
import io.switchboard.sip.cti.CstaSessions;
import io.switchboard.sip.stack.SipStackFactory;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.sip.ua.SipUserAgentSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Desk-phone mode with baresip, a real SIP phone, as the desk phone: baresip registers the line
 * with the bundled server, the line's owner opens a uaCSTA session with our client side
 * ({@link CstaSessions}) and asks for MakeCall; the gateway calls baresip, baresip answers by
 * itself, and the callee (our simulated phone) rings. Once the callee answers, each side's tone
 * reaches the other through baresip's real media; HoldCall makes baresip stop sending (the
 * gateway re-offers it sendonly, it answers recvonly), RetrieveCall brings its tone back, and
 * ClearConnection hangs baresip up.
 *
 * <p>Auto-answer: the gateway asks with {@code Call-Info: <sip:domain>;answer-after=0} and
 * {@code Alert-Info: <urn:alert:service:auto-answer>}. baresip honours those headers from 1.1.0 on
 * (account parameter {@code ;sip_autoanswer=yes}, baresip pull requests 1187/1191); Debian's
 * baresip 1.0.0, the one CI installs, knows only the account's {@code ;answermode=auto}, which
 * answers every call — what a desk phone that is only called by the gateway needs here.
 */
class CtiBaresipDeskPhoneInteropIT {

    private static final Logger LOG = LoggerFactory.getLogger(CtiBaresipDeskPhoneInteropIT.class);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int BARESIP_TONE = 900;
    private static final int CALLEE_TONE = 1300;

    @RegisterExtension
    static final BundledServerFixture SERVER = new BundledServerFixture();

    @TempDir
    static Path dir;

    private static MediaEngine media;
    private static BaresipFixture desk;
    private static DeskPhone callee;
    private static SipUserAgent owner;

    @BeforeAll
    static void start() throws Exception {
        String domain = SERVER.domain();
        for (String user : List.of("alice", "desk", "bob")) {
            SERVER.register(user, password(user));
        }
        SERVER.server().assignDeskLine("desk", "alice");
        desk = BaresipFixture.start(new BaresipFixture.Config("desk", domain, password("desk"),
                "127.0.0.1:" + SERVER.sipPort(), "alice", Transport.UDP),
                new BaresipFixture.Audio(BARESIP_TONE, List.of("PCMU"), true));
        try {
            desk.awaitRegistered(WAIT);
        } catch (RuntimeException e) {
            throw new AssertionError("baresip did not register; its output:\n" + desk.output(), e);
        }
        media = MediaEngine.start(new MediaSettings(new RtpPortRange(47700, 47749), dir.resolve("media")));
        callee = DeskPhone.start(DeskPhoneConfig.of(Address.of("bob", domain), password("bob"),
                        new SipProxy("127.0.0.1", SERVER.sipPort(), SipTransport.UDP))
                .withTone(CALLEE_TONE).withAutoAnswer(AutoAnswerPolicy.NEVER), media);
        callee.firstRegistration().get(10, TimeUnit.SECONDS);
        owner = SipUserAgent.start(new SipStackFactory(), SipAccount.of(Address.of("alice", domain), password("alice"),
                new SipProxy("127.0.0.1", SERVER.sipPort(), SipTransport.UDP)), SipUserAgentSettings.defaults());
        owner.registration().register().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (owner != null) {
            owner.close();
        }
        if (callee != null) {
            callee.close();
        }
        if (media != null) {
            media.close();
        }
        if (desk != null) {
            desk.close();
        }
    }

    private static String password(String user) {
        return "baresip-cti-" + user;
    }

    @Test
    void makeCallRingsTheCalleeFromBaresipAndHoldRetrieveAndClearTakeEffectOnIt() throws Exception {
        CstaSession session = new CstaSessions(owner).open(Address.of("cti", SERVER.domain()))
                .get(10, TimeUnit.SECONDS);
        int before = desk.events().size();

        ConnectionId call = ((MakeCallResponse) session.request(new MakeCall(device("desk"), device("bob"), true))
                .get(10, TimeUnit.SECONDS)).callingDevice();

        JsonNode established = awaitDeskEvent("CALL_ESTABLISHED", before);
        // the gateway calls the desk phone as the party it is about to call, so its display names bob
        assertThat(established.path("peeruri").asText()).as("who baresip's display shows").contains("bob@");
        DeskPhoneCall ringing = await("the callee rings").atMost(WAIT)
                .until(() -> callee.status().liveCalls().stream().findFirst(), Optional::isPresent).get();
        assertThat(ringing.state()).isEqualTo(PhoneCallState.RINGING);

        callee.answer();
        await("the callee hears baresip's tone").atMost(WAIT)
                .until(() -> hearing().hears(BARESIP_TONE, 30, 0.02));

        long offers = remoteOffers();
        session.request(new HoldCall(call)).get(10, TimeUnit.SECONDS);
        await("baresip gets the hold re-INVITE").atMost(WAIT).until(() -> remoteOffers() > offers);
        await("baresip stops sending: the callee hears silence").atMost(WAIT).until(() -> hearing().level() < 0.01);

        long heldOffers = remoteOffers();
        session.request(new RetrieveCall(call)).get(10, TimeUnit.SECONDS);
        await("baresip gets the retrieve re-INVITE").atMost(WAIT).until(() -> remoteOffers() > heldOffers);
        await("baresip sends again: the callee hears its tone").atMost(WAIT)
                .until(() -> hearing().hears(BARESIP_TONE, 30, 0.02));

        session.request(new ClearConnection(call)).get(10, TimeUnit.SECONDS);
        awaitDeskEvent("CALL_CLOSED", before);
        await("the callee's call ends").atMost(WAIT).until(() -> callee.status().liveCalls().isEmpty());
        LOG.info("baresip's events: {}", desk.events().subList(before, desk.events().size()));
        session.close();
    }

    private static JsonNode awaitDeskEvent(String type, int skip) {
        try {
            return desk.awaitEvent(type, skip, WAIT);
        } catch (RuntimeException e) {
            throw new AssertionError("no " + type + " from baresip; its events: " + desk.events(), e);
        }
    }

    /** The offers baresip received in its call (the INVITE and every re-INVITE), from its ctrl_tcp events. */
    private static long remoteOffers() {
        return desk.events().stream().filter(e -> "CALL_REMOTE_SDP".equals(e.path("type").asText())
                && "offer".equals(e.path("param").asText())).count();
    }

    private static Hearing hearing() {
        return callee.status().liveCalls().stream().findFirst().map(DeskPhoneCall::hearing).orElse(Hearing.SILENCE);
    }

    private static DeviceId device(String user) {
        return new DeviceId("sip:" + user + "@" + SERVER.domain());
    }
}
