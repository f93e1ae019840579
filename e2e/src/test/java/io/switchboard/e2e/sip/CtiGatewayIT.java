package io.switchboard.e2e.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.Address;
import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.sip.call.CallEnd;
import io.switchboard.sip.call.CallListener;
import io.switchboard.sip.call.SessionAnswer;
import io.switchboard.sip.call.SipCall;
import io.switchboard.sip.client.SipUserAgent;
import io.switchboard.sip.csta.ClearConnection;
import io.switchboard.sip.csta.ConnectionClearedEvent;
import io.switchboard.sip.csta.ConnectionId;
import io.switchboard.sip.csta.CstaError;
import io.switchboard.sip.csta.CstaErrorCode;
import io.switchboard.sip.csta.CstaEvent;
import io.switchboard.sip.csta.CstaResponse;
import io.switchboard.sip.csta.DeliveredEvent;
import io.switchboard.sip.csta.DeviceId;
import io.switchboard.sip.csta.EstablishedEvent;
import io.switchboard.sip.csta.HeldEvent;
import io.switchboard.sip.csta.HoldCall;
import io.switchboard.sip.csta.MakeCall;
import io.switchboard.sip.csta.MakeCallResponse;
import io.switchboard.sip.csta.MonitorStart;
import io.switchboard.sip.csta.MonitorStartResponse;
import io.switchboard.sip.csta.OriginatedEvent;
import io.switchboard.sip.csta.RetrieveCall;
import io.switchboard.sip.csta.RetrievedEvent;
import io.switchboard.sip.csta.ServiceInitiatedEvent;
import io.switchboard.sip.csta.SingleStepTransferCall;
import io.switchboard.sip.cti.CstaSession;
import io.switchboard.sip.cti.CstaSessions;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The CTI gateway end to end (ECMA TR/87 + RFC 3725): a user's uaCSTA session with the bundled
 * server drives their desk line — an ordinary SIP phone that knows nothing of CSTA and answers by
 * itself when asked — and a second user's phone; the gateway's XML, the SDP each phone is given,
 * and the authorisation of lines are checked on the wire.
 */
class CtiGatewayIT {

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
    void aliceHasADeskLine() throws Exception {
        alice = users.newUser("alice");
        line = users.newUser("desk");
        bob = users.newUser("bob");
        SERVER.server().assignDeskLine(line, alice);
        deskPhone = new AutoAnsweringPhone(users.registeredAgent(line), 47300);
        bobPhone = users.registeredAgent(bob);
        bobPhone.calls().addIncomingCallListener(ringingAtBob::add);
        SipUserAgent aliceClient = users.registeredAgent(alice);
        session = new CstaSessions(aliceClient).open(users.address("cti")).get(10, TimeUnit.SECONDS);
        session.addListener(events::add);
    }

    @Test
    void clickToCallRingsTheDeskPhoneThenTheCalleeAndConnectsTheirMedia() throws Exception {
        String crossRef = ((MonitorStartResponse) request(new MonitorStart(device(line)))).crossRefId();

        CstaResponse made = request(new MakeCall(device(line), device(bob), true));
        assertThat(made).isInstanceOf(MakeCallResponse.class);
        ConnectionId call = ((MakeCallResponse) made).callingDevice();
        assertThat(call.device()).isEqualTo(device(line));

        // the desk phone is called first, asked to answer by itself, shown the callee
        SipCall atDesk = deskPhone.calls.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(atDesk).as("the desk phone is called").isNotNull();
        assertThat(atDesk.inviteHeaders("Call-Info")).anySatisfy(v -> assertThat(v).contains("answer-after=0"));
        assertThat(atDesk.remote().local()).isEqualTo(bob);

        // then the callee rings, called by alice, offered the desk phone's media
        SipCall atBob = ringingAtBob.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(atBob).as("the callee rings").isNotNull();
        assertThat(atBob.remote().local()).isEqualTo(alice);
        assertThat(atBob.remoteOffer()).contains("m=audio 47300 ").contains("a=sendrecv");
        await().atMost(WAIT).until(() -> has(DeliveredEvent.class));
        assertThat(eventTypes()).startsWith(ServiceInitiatedEvent.class, OriginatedEvent.class, DeliveredEvent.class);
        assertThat(events).allSatisfy(e -> assertThat(e.monitorCrossRefId()).isEqualTo(crossRef));

        CallRecord bobSide = new CallRecord();
        atBob.addListener(bobSide);
        atBob.setOfferHandler(offer -> {
            bobSide.offers.add(offer);
            return SessionAnswer.accept(sdp(47400, offer.contains("a=sendonly") ? "recvonly" : "sendrecv"));
        });
        atBob.answer(sdp(47400, "sendrecv"));

        // the desk phone learns where the callee's media is
        await().atMost(WAIT).until(() -> deskPhone.offers.stream().anyMatch(o -> o.contains("m=audio 47400 ")));
        await().atMost(WAIT).until(() -> has(EstablishedEvent.class));

        assertThat(request(new HoldCall(call))).isInstanceOf(io.switchboard.sip.csta.PositiveAck.class);
        await().atMost(WAIT).until(() -> has(HeldEvent.class));
        assertThat(deskPhone.offers.get(deskPhone.offers.size() - 1)).contains("a=sendonly");
        assertThat(bobSide.offers.get(bobSide.offers.size() - 1)).contains("a=sendonly").contains("m=audio 47300 ");

        request(new RetrieveCall(call));
        await().atMost(WAIT).until(() -> has(RetrievedEvent.class));
        assertThat(deskPhone.offers.get(deskPhone.offers.size() - 1)).contains("a=sendrecv");

        request(new ClearConnection(call));
        await().atMost(WAIT).until(() -> has(ConnectionClearedEvent.class));
        await().atMost(WAIT).until(() -> bobSide.ended != null && deskPhone.ended.contains(atDesk));
        assertThat(SERVER.server().ctiGateway().activeCalls()).isZero();
    }

    @Test
    void aSingleStepTransferHandsTheCalleeToAThirdPartyAndTheDeskPhoneDropsOut() throws Exception {
        String carol = users.newUser("carol");
        SipUserAgent carolPhone = users.registeredAgent(carol);
        BlockingQueue<SipCall> ringingAtCarol = new LinkedBlockingQueue<>();
        carolPhone.calls().addIncomingCallListener(ringingAtCarol::add);
        request(new MonitorStart(device(line)));
        ConnectionId call = ((MakeCallResponse) request(new MakeCall(device(line), device(bob), true))).callingDevice();
        SipCall atBob = ringingAtBob.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        CallRecord bobSide = new CallRecord();
        atBob.addListener(bobSide);
        atBob.setOfferHandler(offer -> {
            bobSide.offers.add(offer);
            return SessionAnswer.accept(sdp(47400, "sendrecv"));
        });
        atBob.answer(sdp(47400, "sendrecv"));
        await().atMost(WAIT).until(() -> has(EstablishedEvent.class));

        request(new SingleStepTransferCall(call, device(carol)));

        SipCall atCarol = ringingAtCarol.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(atCarol).as("the transfer target rings").isNotNull();
        assertThat(atCarol.remoteOffer()).as("offered the callee's media").contains("m=audio 47400 ");
        await().atMost(WAIT).until(() -> !deskPhone.ended.isEmpty());
        atCarol.answer(sdp(47500, "sendrecv"));
        await().atMost(WAIT).until(() -> bobSide.offers.stream().anyMatch(o -> o.contains("m=audio 47500 ")));
        assertThat(bobSide.ended).as("the callee stays connected").isNull();
        await().atMost(WAIT).until(() -> has(ConnectionClearedEvent.class));
        atCarol.hangUp();
        await().atMost(WAIT).until(() -> bobSide.ended != null);
    }

    @Test
    void aUserCannotMonitorOrDriveSomeoneElsesLine() throws Exception {
        String mallory = users.newUser("mallory");
        CstaSession mallorys = new CstaSessions(users.registeredAgent(mallory)).open(users.address("cti"))
                .get(10, TimeUnit.SECONDS);

        CstaResponse monitor = mallorys.request(new MonitorStart(device(line))).get(10, TimeUnit.SECONDS);
        CstaResponse make = mallorys.request(new MakeCall(device(line), device(bob), true)).get(10, TimeUnit.SECONDS);

        assertThat(monitor).isEqualTo(new CstaErrorCode(CstaError.PRIVILEGE_VIOLATION_ON_SPECIFIED_DEVICE));
        assertThat(make).isEqualTo(new CstaErrorCode(CstaError.PRIVILEGE_VIOLATION_ON_SPECIFIED_DEVICE));
        assertThat(deskPhone.calls).as("the desk phone was not called").isEmpty();
    }

    @Test
    void unknownDevicesAndCallsAreCstaErrorsAndTheSessionGoesOn() throws Exception {
        assertThat(request(new MonitorStart(new DeviceId("sip:nobody-here@" + SERVER.domain()))))
                .isEqualTo(new CstaErrorCode(CstaError.INVALID_DEVICE_ID));
        assertThat(request(new MonitorStart(new DeviceId("sip:" + line + "@elsewhere.example"))))
                .isEqualTo(new CstaErrorCode(CstaError.INVALID_DEVICE_ID));
        assertThat(request(new ClearConnection(new ConnectionId("999", device(line)))))
                .isEqualTo(new CstaErrorCode(CstaError.INVALID_CONNECTION_ID));
        assertThat(request(new MonitorStart(device(line)))).isInstanceOf(MonitorStartResponse.class);
    }

    private CstaResponse request(io.switchboard.sip.csta.CstaRequest request) throws Exception {
        return session.request(request).get(10, TimeUnit.SECONDS);
    }

    private DeviceId device(String user) {
        return new DeviceId("sip:" + user + "@" + SERVER.domain());
    }

    private boolean has(Class<? extends CstaEvent> type) {
        return events.stream().anyMatch(type::isInstance);
    }

    private List<Class<?>> eventTypes() {
        return events.stream().<Class<?>>map(Object::getClass).toList();
    }

    static String sdp(int port, String direction) {
        return "v=0\r\no=phone 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + port + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=" + direction + "\r\n";
    }

    /** What one side of a call saw. */
    static final class CallRecord implements CallListener {
        final List<String> offers = new CopyOnWriteArrayList<>();
        volatile CallEnd ended;

        @Override
        public void ended(SipCall call, CallEnd end) {
            ended = end;
        }
    }

    /** A desk phone with no CTI of its own: answers at once when the INVITE asks it to. */
    static final class AutoAnsweringPhone {
        final BlockingQueue<SipCall> calls = new LinkedBlockingQueue<>();
        final List<String> offers = new CopyOnWriteArrayList<>();
        final List<SipCall> ended = new CopyOnWriteArrayList<>();

        AutoAnsweringPhone(SipUserAgent agent, int port) {
            agent.calls().addIncomingCallListener(call -> {
                calls.add(call);
                call.addListener(new CallListener() {
                    @Override
                    public void ended(SipCall c, CallEnd end) {
                        ended.add(c);
                    }
                });
                call.setOfferHandler(offer -> {
                    offers.add(offer);
                    return SessionAnswer.accept(sdp(port, complement(offer)));
                });
                if (call.inviteHeaders("Call-Info").stream().anyMatch(v -> v.contains("answer-after=0"))) {
                    offers.add(call.remoteOffer());
                    call.answer(sdp(port, complement(call.remoteOffer())));
                }
            });
        }

        private static String complement(String offer) {
            if (offer.contains("a=sendonly")) {
                return "recvonly";
            }
            return offer.contains("a=inactive") ? "inactive" : "sendrecv";
        }
    }
}
