package io.switchboard.e2e.sip;

import static io.switchboard.e2e.sip.CtiGatewayIT.sdp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.e2e.sip.CtiGatewayIT.AutoAnsweringPhone;
import io.switchboard.e2e.sip.CtiGatewayIT.CallRecord;
import io.switchboard.sip.call.CallEnd;
import io.switchboard.sip.call.CallState;
import io.switchboard.sip.call.SessionAnswer;
import io.switchboard.sip.call.SipCall;
import io.switchboard.sip.client.SipUserAgent;
import io.switchboard.sip.csta.AnswerCall;
import io.switchboard.sip.csta.ClearConnection;
import io.switchboard.sip.csta.ConnectionClearedEvent;
import io.switchboard.sip.csta.ConnectionId;
import io.switchboard.sip.csta.ConsultationCall;
import io.switchboard.sip.csta.ConsultationCallResponse;
import io.switchboard.sip.csta.CstaError;
import io.switchboard.sip.csta.CstaErrorCode;
import io.switchboard.sip.csta.CstaEvent;
import io.switchboard.sip.csta.GenerateDigits;
import io.switchboard.sip.csta.CstaRequest;
import io.switchboard.sip.csta.CstaResponse;
import io.switchboard.sip.csta.DeliveredEvent;
import io.switchboard.sip.csta.DeviceId;
import io.switchboard.sip.csta.EstablishedEvent;
import io.switchboard.sip.csta.HeldEvent;
import io.switchboard.sip.csta.HoldCall;
import io.switchboard.sip.csta.RetrieveCall;
import io.switchboard.sip.csta.LocalConnectionState;
import io.switchboard.sip.csta.MakeCall;
import io.switchboard.sip.csta.MakeCallResponse;
import io.switchboard.sip.csta.MonitorStart;
import io.switchboard.sip.csta.PositiveAck;
import io.switchboard.sip.csta.SetDoNotDisturb;
import io.switchboard.sip.csta.TransferCall;
import io.switchboard.sip.csta.TransferCallResponse;
import io.switchboard.sip.csta.TransferredEvent;
import io.switchboard.sip.cti.CstaSession;
import io.switchboard.sip.cti.CstaSessions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Calls to a desk line that a user monitors are anchored at the CTI gateway (the proxy sends them
 * there), so the user's client sees them ring and answers, declines or transfers them on a phone
 * that knows no CSTA; and ConsultationCall + TransferCall, and do-not-disturb, on real SIP user
 * agents through the bundled server.
 */
class CtiIncomingCallsIT {

    @RegisterExtension
    static final BundledServerFixture SERVER = new BundledServerFixture();

    @RegisterExtension
    final ServerUsers users = new ServerUsers(SERVER);

    private static final Duration WAIT = Duration.ofSeconds(10);

    private String alice;
    private String line;
    private String bob;
    private AutoAnsweringPhone deskPhone;
    private SipUserAgent bobPhone;
    private final BlockingQueue<SipCall> ringingAtBob = new LinkedBlockingQueue<>();
    private CstaSession session;
    private final List<CstaEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void aliceMonitorsHerDeskLine() throws Exception {
        alice = users.newUser("alice");
        line = users.newUser("desk");
        bob = users.newUser("bob");
        SERVER.server().assignDeskLine(line, alice);
        deskPhone = new AutoAnsweringPhone(users.registeredAgent(line), 47300);
        bobPhone = users.registeredAgent(bob);
        bobPhone.calls().addIncomingCallListener(ringingAtBob::add);
        session = new CstaSessions(users.registeredAgent(alice)).open(users.address("cti")).get(10, TimeUnit.SECONDS);
        session.addListener(events::add);
        request(new MonitorStart(device(line)));
    }

    @Test
    void aCallToTheLineRingsTheDeskPhoneIsDeliveredToTheClientAndAnsweredFromIt() throws Exception {
        CallRecord bobSide = new CallRecord();
        SipCall fromBob = bobPhone.calls().place(users.address(line), sdp(47400, "sendrecv"), bobSide);

        SipCall ringing = deskPhone.calls.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(ringing).as("the desk phone rings").isNotNull();
        assertThat(ringing.remote().local()).as("shown as a call from bob").isEqualTo(bob);
        assertThat(ringing.inviteHeaders("Call-Info")).as("rings for its user, not answering by itself").isEmpty();
        assertThat(ringing.remoteOffer()).as("offered bob's media").contains("m=audio 47400 ");
        DeliveredEvent delivered = await().atMost(WAIT).until(() -> first(DeliveredEvent.class), Optional::isPresent)
                .orElseThrow();
        assertThat(delivered.localState()).isEqualTo(LocalConnectionState.ALERTING);
        assertThat(delivered.alertingDevice()).isEqualTo(device(line));
        assertThat(delivered.callingDevice()).isEqualTo(device(bob));

        assertThat(request(new AnswerCall(delivered.connection()))).isInstanceOf(PositiveAck.class);

        // the ringing INVITE is cancelled and the phone called again, asked to answer by itself
        SipCall answering = deskPhone.calls.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(answering).as("the desk phone is asked to answer").isNotNull();
        assertThat(answering.inviteHeaders("Call-Info")).anySatisfy(v -> assertThat(v).contains("answer-after=0"));
        await().atMost(WAIT).until(() -> deskPhone.ended.contains(ringing));
        await().atMost(WAIT).until(() -> has(EstablishedEvent.class));
        await().atMost(WAIT).until(() -> fromBob.state() == CallState.CONNECTED);
        assertThat(bobSide.ended).as("bob's call was never dropped").isNull();
        EstablishedEvent established = first(EstablishedEvent.class).orElseThrow();
        assertThat(established.answeringDevice()).isEqualTo(device(line));
        assertThat(established.establishedConnection()).isEqualTo(delivered.connection());
        assertThat(request(new GenerateDigits(delivered.connection(), "1")))
                .as("a phone that speaks no uaCSTA cannot be asked to send digits")
                .isEqualTo(new CstaErrorCode(CstaError.REQUEST_INCOMPATIBLE_WITH_OBJECT));

        fromBob.hangUp();
        await().atMost(WAIT).until(() -> has(ConnectionClearedEvent.class) && deskPhone.ended.contains(answering));
        assertThat(SERVER.server().ctiGateway().activeCalls()).isZero();
    }

    @Test
    void clearingARingingCallDeclinesItForTheCaller() throws Exception {
        CallRecord bobSide = new CallRecord();
        bobPhone.calls().place(users.address(line), sdp(47400, "sendrecv"), bobSide);
        SipCall ringing = deskPhone.calls.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(ringing).isNotNull();
        DeliveredEvent delivered = await().atMost(WAIT).until(() -> first(DeliveredEvent.class), Optional::isPresent)
                .orElseThrow();

        request(new ClearConnection(delivered.connection()));

        await().atMost(WAIT).until(() -> bobSide.ended != null && deskPhone.ended.contains(ringing));
        assertThat(bobSide.ended.reason()).isEqualTo(CallEnd.Reason.DECLINED);
        await().atMost(WAIT).until(() -> has(ConnectionClearedEvent.class));
    }

    @Test
    void theCallerHangingUpWhileItRingsStopsTheDeskPhoneRinging() throws Exception {
        SipCall fromBob = bobPhone.calls().place(users.address(line), sdp(47400, "sendrecv"), new CallRecord());
        SipCall ringing = deskPhone.calls.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(ringing).isNotNull();
        await().atMost(WAIT).until(() -> has(DeliveredEvent.class));

        fromBob.hangUp();

        await().atMost(WAIT).until(() -> deskPhone.ended.contains(ringing) && has(ConnectionClearedEvent.class));
        assertThat(SERVER.server().ctiGateway().activeCalls()).isZero();
    }

    @Test
    void doNotDisturbTurnsCallersAwayBusyUntilItIsOff() throws Exception {
        assertThat(request(new SetDoNotDisturb(device(line), true))).isInstanceOf(PositiveAck.class);
        CallRecord refused = new CallRecord();
        bobPhone.calls().place(users.address(line), sdp(47400, "sendrecv"), refused);
        await().atMost(WAIT).until(() -> refused.ended != null);
        assertThat(refused.ended.reason()).isEqualTo(CallEnd.Reason.BUSY);
        assertThat(deskPhone.calls).as("the desk phone never rang").isEmpty();

        request(new SetDoNotDisturb(device(line), false));
        bobPhone.calls().place(users.address(line), sdp(47400, "sendrecv"), new CallRecord());
        assertThat(deskPhone.calls.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).as("rings again").isNotNull();
    }

    @Test
    void aConsultationCallThenTransferConnectsTheTwoFarPartiesAndTheDeskPhoneDropsOut() throws Exception {
        String carol = users.newUser("carol");
        BlockingQueue<SipCall> ringingAtCarol = new LinkedBlockingQueue<>();
        users.registeredAgent(carol).calls().addIncomingCallListener(ringingAtCarol::add);
        ConnectionId first = ((MakeCallResponse) request(new MakeCall(device(line), device(bob), true)))
                .callingDevice();
        CallRecord bobSide = answer(ringingAtBob.poll(WAIT.toSeconds(), TimeUnit.SECONDS), 47400);
        await().atMost(WAIT).until(() -> count(EstablishedEvent.class) == 1);

        CstaResponse consulted = request(new ConsultationCall(first, device(carol)));
        assertThat(consulted).isInstanceOf(ConsultationCallResponse.class);
        ConnectionId second = ((ConsultationCallResponse) consulted).initiatedCall();
        assertThat(second.callId()).isNotEqualTo(first.callId());
        await().atMost(WAIT).until(() -> has(HeldEvent.class));
        assertThat(bobSide.offers.get(bobSide.offers.size() - 1)).as("bob is held").contains("a=sendonly");
        CallRecord carolSide = answer(ringingAtCarol.poll(WAIT.toSeconds(), TimeUnit.SECONDS), 47500);
        await().atMost(WAIT).until(() -> count(EstablishedEvent.class) == 2);

        assertThat(request(new TransferCall(first, second))).isInstanceOf(TransferCallResponse.class);

        await().atMost(WAIT).until(() -> bobSide.offers.stream().anyMatch(o -> o.contains("m=audio 47500 ")
                && o.contains("a=sendrecv")));
        await().atMost(WAIT).until(() -> carolSide.offers.stream().anyMatch(o -> o.contains("m=audio 47400 ")));
        await().atMost(WAIT).until(() -> count(TransferredEvent.class) == 2 && count(ConnectionClearedEvent.class) == 2);
        await().atMost(WAIT).until(() -> deskPhone.ended.size() == 2);
        assertThat(bobSide.ended).as("bob stays connected, to carol").isNull();
        assertThat(carolSide.ended).isNull();
    }

    @Test
    void aHoldThatAPhoneRefusesIsACstaErrorAndTheCallStaysConnected() throws Exception {
        ConnectionId call = ((MakeCallResponse) request(new MakeCall(device(line), device(bob), true)))
                .callingDevice();
        SipCall atBob = ringingAtBob.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(atBob).isNotNull();
        CallRecord bobSide = new CallRecord();
        atBob.addListener(bobSide);
        // bob's phone takes no hold
        atBob.setOfferHandler(offer -> offer.contains("a=sendonly") ? SessionAnswer.notAcceptable("no hold here")
                : SessionAnswer.accept(sdp(47400, "sendrecv")));
        atBob.answer(sdp(47400, "sendrecv"));
        await().atMost(WAIT).until(() -> has(EstablishedEvent.class));

        assertThat(request(new HoldCall(call))).isEqualTo(new CstaErrorCode(CstaError.INVALID_OBJECT_STATE));

        assertThat(has(HeldEvent.class)).as("no Held for a hold that did not happen").isFalse();
        await("the desk phone, which took the hold, is given two-way media again").atMost(WAIT)
                .until(() -> deskPhone.offers.get(deskPhone.offers.size() - 1).contains("a=sendrecv"));
        assertThat(request(new RetrieveCall(call))).as("still connected: nothing to retrieve")
                .isEqualTo(new CstaErrorCode(CstaError.INVALID_OBJECT_STATE));
        assertThat(bobSide.ended).isNull();
    }

    @Test
    void aPhoneThatNeitherSpeaksUaCstaNorAnswersByItselfIsReportedAndRingsOnForItsUser() throws Exception {
        String plainLine = users.newUser("desk");
        SERVER.server().assignDeskLine(plainLine, alice);
        BlockingQueue<SipCall> ringingAtPlainPhone = new LinkedBlockingQueue<>();
        users.registeredAgent(plainLine).calls().addIncomingCallListener(ringingAtPlainPhone::add);
        request(new MonitorStart(device(plainLine)));
        CallRecord bobSide = new CallRecord();
        SipCall fromBob = bobPhone.calls().place(users.address(plainLine), sdp(47400, "sendrecv"), bobSide);
        SipCall ringing = ringingAtPlainPhone.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(ringing).isNotNull();
        DeliveredEvent delivered = await().atMost(WAIT).until(() -> first(DeliveredEvent.class), Optional::isPresent)
                .orElseThrow();

        assertThat(request(new AnswerCall(delivered.connection())))
                .as("the phone was asked to answer by itself and did not")
                .isEqualTo(new CstaErrorCode(CstaError.REQUEST_INCOMPATIBLE_WITH_OBJECT));
        SipCall ringingOn = ringingAtPlainPhone.poll(1, TimeUnit.SECONDS);
        assertThat(ringingOn).as("the phone rings on, with the INVITE that asked it to answer").isNotNull();
        assertThat(ringingOn.inviteHeaders("Call-Info")).anySatisfy(v -> assertThat(v).contains("answer-after=0"));
        assertThat(bobSide.ended).as("bob still hears ringing").isNull();

        ringingOn.answer(sdp(47700, "sendrecv")); // its user picks up the handset
        await().atMost(WAIT).until(() -> has(EstablishedEvent.class)
                && fromBob.state() == CallState.CONNECTED);
        fromBob.hangUp();
        await().atMost(WAIT).until(() -> has(ConnectionClearedEvent.class));

        // known now: the next AnswerCall on that line is refused at once, and the phone is not rung again
        events.clear();
        bobPhone.calls().place(users.address(plainLine), sdp(47400, "sendrecv"), new CallRecord());
        SipCall next = ringingAtPlainPhone.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(next).isNotNull();
        DeliveredEvent again = await().atMost(WAIT).until(() -> first(DeliveredEvent.class), Optional::isPresent)
                .orElseThrow();
        long asked = System.nanoTime();
        assertThat(request(new AnswerCall(again.connection())))
                .isEqualTo(new CstaErrorCode(CstaError.REQUEST_INCOMPATIBLE_WITH_OBJECT));
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(2));
        assertThat(ringingAtPlainPhone.poll(1, TimeUnit.SECONDS)).as("not rung again").isNull();
        assertThat(next.state()).isNotEqualTo(CallState.ENDED);
    }

    private CallRecord answer(SipCall call, int port) {
        assertThat(call).as("the far party rings").isNotNull();
        CallRecord record = new CallRecord();
        call.addListener(record);
        call.setOfferHandler(offer -> {
            record.offers.add(offer);
            return SessionAnswer.accept(sdp(port, offer.contains("a=sendonly") ? "recvonly" : "sendrecv"));
        });
        call.answer(sdp(port, "sendrecv"));
        return record;
    }

    private CstaResponse request(CstaRequest request) throws Exception {
        return session.request(request).get(10, TimeUnit.SECONDS);
    }

    private DeviceId device(String user) {
        return new DeviceId("sip:" + user + "@" + SERVER.domain());
    }

    private boolean has(Class<? extends CstaEvent> type) {
        return count(type) > 0;
    }

    private long count(Class<? extends CstaEvent> type) {
        return events.stream().filter(type::isInstance).count();
    }

    private <T extends CstaEvent> Optional<T> first(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
