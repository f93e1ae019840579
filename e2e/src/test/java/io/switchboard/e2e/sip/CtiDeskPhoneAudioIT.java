package io.switchboard.e2e.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.Address;
import io.switchboard.deskphone.AutoAnswerPolicy;
import io.switchboard.deskphone.DeskPhone;
import io.switchboard.deskphone.DeskPhoneCall;
import io.switchboard.deskphone.DeskPhoneConfig;
import io.switchboard.deskphone.PhoneCallState;
import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.media.MediaEngine;
import io.switchboard.media.MediaSettings;
import io.switchboard.media.RtpPortRange;
import io.switchboard.sip.csta.AnswerCall;
import io.switchboard.sip.csta.ClearConnection;
import io.switchboard.sip.csta.DeliveredEvent;
import io.switchboard.sip.csta.GenerateDigits;
import io.switchboard.sip.csta.MonitorStart;
import io.switchboard.sip.csta.PositiveAck;
import io.switchboard.sip.csta.ConnectionId;
import io.switchboard.sip.csta.HoldCall;
import io.switchboard.sip.csta.MakeCall;
import io.switchboard.sip.csta.MakeCallResponse;
import io.switchboard.sip.csta.DeviceId;
import io.switchboard.sip.csta.RetrieveCall;
import io.switchboard.sip.cti.CstaSession;
import io.switchboard.sip.cti.CstaSessions;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.ua.SipProxy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Click-to-call with real audio: the simulated desk phone (which knows no CSTA, only auto-answer)
 * and the callee's phone each play their own tone; after the gateway's third-party call control
 * each hears the other's, hold silences the desk phone's side and retrieve brings it back.
 */
class CtiDeskPhoneAudioIT {

    @RegisterExtension
    static final BundledServerFixture SERVER = new BundledServerFixture();

    @RegisterExtension
    final ServerUsers users = new ServerUsers(SERVER);

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    static Path dir;
    private static MediaEngine media;

    @BeforeAll
    static void startMedia() throws Exception {
        media = MediaEngine.start(new MediaSettings(new RtpPortRange(47600, 47699), dir.resolve("media")));
    }

    @AfterAll
    static void stopMedia() {
        if (media != null) {
            media.close();
        }
    }

    @Test
    void theDeskPhoneAndTheCalleeHearEachOtherAfterClickToCallAndHoldSilencesThem() throws Exception {
        String alice = users.newUser("alice");
        String line = users.newUser("desk");
        String bob = users.newUser("bob");
        SERVER.server().assignDeskLine(line, alice);
        DeskPhone desk = phone(line, 700, AutoAnswerPolicy.WHEN_ASKED);
        DeskPhone bobs = phone(bob, 1100, AutoAnswerPolicy.NEVER);
        CstaSession session = new CstaSessions(users.registeredAgent(alice)).open(users.address("cti"))
                .get(10, TimeUnit.SECONDS);

        ConnectionId call = ((MakeCallResponse) session.request(new MakeCall(device(line), device(bob), true))
                .get(10, TimeUnit.SECONDS)).callingDevice();

        DeskPhoneCall ringing = await("the callee's phone rings").atMost(WAIT)
                .until(() -> bobs.status().liveCalls().stream().findFirst(), Optional::isPresent).get();
        assertThat(ringing.state()).isEqualTo(PhoneCallState.RINGING);
        assertThat(desk.status().liveCalls()).as("the desk phone went off-hook by itself").hasSize(1);
        bobs.answer();

        String deskCall = desk.status().liveCalls().get(0).callId();
        await("the desk phone hears the callee").atMost(WAIT)
                .until(() -> hearing(desk, deskCall).hears(1100, 30, 0.02));
        await("the callee hears the desk phone").atMost(WAIT)
                .until(() -> hearing(bobs, ringing.callId()).hears(700, 30, 0.02));

        session.request(new HoldCall(call)).get(10, TimeUnit.SECONDS);
        await("the desk phone's call is held").atMost(WAIT)
                .until(() -> desk.status().call(deskCall).map(c -> c.state() == PhoneCallState.HELD).orElse(false));
        await("the callee hears silence").atMost(WAIT).until(() -> hearing(bobs, ringing.callId()).level() < 0.01);

        session.request(new RetrieveCall(call)).get(10, TimeUnit.SECONDS);
        await("the callee hears the desk phone again").atMost(WAIT)
                .until(() -> hearing(bobs, ringing.callId()).hears(700, 30, 0.02));

        session.request(new ClearConnection(call)).get(10, TimeUnit.SECONDS);
        await("both phones hang up").atMost(WAIT).until(() -> desk.status().liveCalls().isEmpty()
                && bobs.status().liveCalls().isEmpty());
    }

    /**
     * A desk phone that speaks uaCSTA (the simulator does) and never answers by itself: the
     * gateway forwards AnswerCall to it, so the very call that rang is answered, and GenerateDigits
     * makes it send RFC 4733 digits that the caller's phone receives.
     */
    @Test
    void aCallToTheLineIsAnsweredOverUaCstaAndTheDeskPhoneSendsDigitsForTheClient() throws Exception {
        String alice = users.newUser("alice");
        String line = users.newUser("desk");
        String bob = users.newUser("bob");
        SERVER.server().assignDeskLine(line, alice);
        DeskPhone desk = phone(line, 700, AutoAnswerPolicy.NEVER);
        DeskPhone bobs = phone(bob, 1100, AutoAnswerPolicy.NEVER);
        CstaSession session = new CstaSessions(users.registeredAgent(alice)).open(users.address("cti"))
                .get(10, TimeUnit.SECONDS);
        java.util.List<io.switchboard.sip.csta.CstaEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        session.addListener(events::add);
        session.request(new MonitorStart(device(line))).get(10, TimeUnit.SECONDS);

        DeskPhoneCall dialled = bobs.dial(users.address(line));
        DeskPhoneCall ringing = await("the desk phone rings").atMost(WAIT)
                .until(() -> desk.status().liveCalls().stream().findFirst(), Optional::isPresent).get();
        DeliveredEvent delivered = await("the client is told").atMost(WAIT).until(() -> events.stream()
                .filter(DeliveredEvent.class::isInstance).map(DeliveredEvent.class::cast).findFirst(), Optional::isPresent)
                .get();

        assertThat(session.request(new AnswerCall(delivered.connection())).get(10, TimeUnit.SECONDS))
                .isInstanceOf(PositiveAck.class);

        await("the ringing call itself is answered").atMost(WAIT).until(() -> desk.status().call(ringing.callId())
                .map(c -> c.state() == PhoneCallState.CONNECTED).orElse(false));
        assertThat(desk.status().liveCalls()).as("not called again").hasSize(1);
        await("the caller hears the desk phone").atMost(WAIT)
                .until(() -> hearing(bobs, dialled.callId()).hears(700, 30, 0.02));
        await("the desk phone hears the caller").atMost(WAIT)
                .until(() -> hearing(desk, ringing.callId()).hears(1100, 30, 0.02));

        assertThat(session.request(new GenerateDigits(delivered.connection(), "159#")).get(10, TimeUnit.SECONDS))
                .isInstanceOf(PositiveAck.class);
        await("the caller receives the digits").atMost(WAIT).until(() -> bobs.status().call(dialled.callId())
                .map(DeskPhoneCall::receivedDigits).orElse(""), "159#"::equals);

        session.request(new ClearConnection(delivered.connection())).get(10, TimeUnit.SECONDS);
        await("both phones hang up").atMost(WAIT).until(() -> desk.status().liveCalls().isEmpty()
                && bobs.status().liveCalls().isEmpty());
    }

    private DeskPhone phone(String user, double toneHz, AutoAnswerPolicy policy) throws Exception {
        DeskPhone phone = users.closeAfter(DeskPhone.start(DeskPhoneConfig.of(users.address(user),
                        ServerUsers.password(user), new SipProxy("127.0.0.1", SERVER.sipPort(), SipTransport.UDP))
                .withTone(toneHz).withAutoAnswer(policy), media));
        phone.firstRegistration().get(10, TimeUnit.SECONDS);
        return phone;
    }

    private static io.switchboard.deskphone.Hearing hearing(DeskPhone phone, String callId) {
        return phone.status().call(callId).map(DeskPhoneCall::hearing).orElse(io.switchboard.deskphone.Hearing.SILENCE);
    }

    private DeviceId device(String user) {
        return new DeviceId("sip:" + user + "@" + SERVER.domain());
    }
}
