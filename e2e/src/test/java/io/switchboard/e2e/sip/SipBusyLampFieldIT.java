package io.switchboard.e2e.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.Availability;
import io.switchboard.core.model.LineState;
import io.switchboard.core.service.LineStateService;
import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.server.sip.presence.EventPackage;
import io.switchboard.sip.call.CallListener;
import io.switchboard.sip.call.SipCall;
import io.switchboard.sip.client.SipClientSession;
import io.switchboard.sip.client.SipUserAgent;
import io.switchboard.sip.dialog.DialogDirection;
import io.switchboard.sip.dialog.DialogInfo;
import io.switchboard.sip.dialog.DialogState;
import io.switchboard.sip.dialog.DialogInfoParser;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.ua.SipRejectedException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The busy lamp field end to end (RFC 4235, ADR 0026): a colleague's desktop client watches a desk
 * line and the line's owner through the bundled server while real SIP user agents call the line
 * and the line calls out; the lamps go ringing → busy → idle, and the owner shows "On the phone"
 * while their desk phone is in a call. A raw SIP agent checks the wire: versioned full-state
 * dialog-info, and 406 for a subscriber that does not accept it.
 */
class SipBusyLampFieldIT {

    @RegisterExtension
    static final BundledServerFixture SERVER = new BundledServerFixture();

    @RegisterExtension
    final ServerUsers users = new ServerUsers(SERVER);

    private static final Duration WAIT = Duration.ofSeconds(10);

    private String alice;
    private String line;
    private String bob;
    private SipUserAgent deskPhone;
    private SipUserAgent bobPhone;
    private final BlockingQueue<SipCall> ringingAtDesk = new LinkedBlockingQueue<>();
    private final BlockingQueue<SipCall> ringingAtBob = new LinkedBlockingQueue<>();
    private LineStateService lamps;
    private final Map<Address, List<LineState>> seen = new ConcurrentHashMap<>();

    @BeforeEach
    void carolWatchesAlicesDeskLine() throws Exception {
        alice = users.newUser("alice");
        line = users.newUser("desk");
        bob = users.newUser("bob");
        SERVER.server().assignDeskLine(line, alice);
        deskPhone = users.registeredAgent(line);
        deskPhone.calls().addIncomingCallListener(ringingAtDesk::add);
        bobPhone = users.registeredAgent(bob);
        bobPhone.calls().addIncomingCallListener(ringingAtBob::add);

        String carol = users.newUser("carol");
        SipClientSession session = users.sipClient(carol, SipTransport.UDP, account -> account);
        session.signIn();
        lamps = session.lineStates().orElseThrow();
        lamps.addListener((watched, state) -> seen.computeIfAbsent(watched, k -> new CopyOnWriteArrayList<>())
                .add(state));
        lamps.watch(users.address(line)).get(10, TimeUnit.SECONDS);
        lamps.watch(users.address(alice)).get(10, TimeUnit.SECONDS);
        awaitLamps(LineState.IDLE);
    }

    @Test
    void aCallToTheDeskLineRingsThenIsBusyThenIdleAndItsOwnerIsOnThePhoneMeanwhile() throws Exception {
        SipCall dialled = bobPhone.calls().place(users.address(line), CtiGatewayIT.sdp(47600, "sendrecv"),
                new CallListener() { });

        SipCall atDesk = ringingAtDesk.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(atDesk).as("the desk phone rings").isNotNull();
        awaitLamps(LineState.RINGING);
        assertThat(availability(alice)).as("ringing is not a call yet").isNotEqualTo(Availability.ON_THE_PHONE);

        atDesk.answer(CtiGatewayIT.sdp(47700, "sendrecv"));
        awaitLamps(LineState.BUSY);
        await().atMost(WAIT).until(() -> availability(alice) == Availability.ON_THE_PHONE);

        dialled.hangUp();
        awaitLamps(LineState.IDLE);
        await().atMost(WAIT).until(() -> availability(alice) != Availability.ON_THE_PHONE);
        assertThat(seen.get(users.address(line)))
                .containsExactly(LineState.IDLE, LineState.RINGING, LineState.BUSY, LineState.IDLE);
        assertThat(seen.get(users.address(alice)))
                .as("the owner's lamp shows their desk line")
                .containsExactly(LineState.IDLE, LineState.RINGING, LineState.BUSY, LineState.IDLE);
    }

    @Test
    void aCallFromTheDeskLineIsBusyFromTheStartUntilItEnds() throws Exception {
        SipCall dialled = deskPhone.calls().place(users.address(bob), CtiGatewayIT.sdp(47800, "sendrecv"),
                new CallListener() { });
        SipCall atBob = ringingAtBob.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(atBob).isNotNull();
        awaitLamps(LineState.BUSY);

        atBob.answer(CtiGatewayIT.sdp(47900, "sendrecv"));
        await().atMost(WAIT).until(() -> availability(alice) == Availability.ON_THE_PHONE);
        assertThat(lamps.state(users.address(line))).isEqualTo(LineState.BUSY);

        dialled.hangUp();
        awaitLamps(LineState.IDLE);
        await().atMost(WAIT).until(() -> availability(alice) != Availability.ON_THE_PHONE);
        assertThat(seen.get(users.address(line))).containsExactly(LineState.IDLE, LineState.BUSY, LineState.IDLE);
    }

    @Test
    void aCallNobodyAnswersRingsAndGoesBackToIdle() throws Exception {
        SipCall dialled = bobPhone.calls().place(users.address(line), CtiGatewayIT.sdp(47600, "sendrecv"),
                new CallListener() { });
        assertThat(ringingAtDesk.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
        awaitLamps(LineState.RINGING);

        dialled.hangUp(); // CANCEL

        awaitLamps(LineState.IDLE);
        assertThat(seen.get(users.address(line))).containsExactly(LineState.IDLE, LineState.RINGING, LineState.IDLE);
        assertThat(availability(alice)).isNotEqualTo(Availability.ON_THE_PHONE);
    }

    @Test
    void unwatchingEndsTheSubscriptionAndNoSuchLineIsRefused() throws Exception {
        lamps.unwatch(users.address(line)).get(10, TimeUnit.SECONDS);
        assertThat(lamps.state(users.address(line))).isEqualTo(LineState.UNKNOWN);
        await().atMost(WAIT).until(() -> SERVER.server().sipPresenceAgent()
                .subscriptions(line, EventPackage.DIALOG).isEmpty());

        assertThatThrownBy(() -> lamps.watch(users.address("nobody-here")).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(SipRejectedException.class)
                .satisfies(e -> assertThat(((SipRejectedException) e).statusCode()).isEqualTo(404));
    }

    @Test
    void aRawAgentGetsVersionedDialogInfoAndAnAcceptWithoutItIs406() throws Exception {
        String dave = users.newUser("dave");
        SipTestUser agent = users.sipAgent(dave);

        Response ok = agent.send(subscribe(agent, line, "application/dialog-info+xml"));
        assertThat(ok.getStatusCode()).isEqualTo(Response.OK);
        Request first = agent.next(Request.NOTIFY, WAIT);
        assertThat(first).isNotNull();
        assertThat(SipTestUser.header(first, "Content-Type")).isEqualToIgnoringCase("application/dialog-info+xml");
        assertThat(SipTestUser.header(first, "Subscription-State")).startsWith("active");
        DialogInfo idle = new DialogInfoParser().parse(first.getRawContent());
        assertThat(idle.version()).isZero();
        assertThat(idle.state()).isEqualTo(DialogInfo.State.FULL);
        assertThat(idle.entity()).isEqualTo("sip:" + line + "@" + SERVER.domain());
        assertThat(idle.dialogs()).isEmpty();

        bobPhone.calls().place(users.address(line), CtiGatewayIT.sdp(47600, "sendrecv"), new CallListener() { });
        Request next = agent.next(Request.NOTIFY, WAIT);
        DialogInfo trying = new DialogInfoParser().parse(next.getRawContent());
        assertThat(trying.version()).isEqualTo(1);
        assertThat(trying.dialogs()).singleElement().satisfies(d -> {
            assertThat(d.direction()).isEqualTo(DialogDirection.RECIPIENT);
            assertThat(d.local().identity()).isEqualTo("sip:" + line + "@" + SERVER.domain());
            assertThat(d.remote()).as("who calls is not told to every colleague").isNull();
        });

        Response refused = agent.send(subscribe(agent, line, "application/pidf+xml"));
        assertThat(refused.getStatusCode()).isEqualTo(Response.NOT_ACCEPTABLE);
    }

    @Test
    void aNotifyTheWatcherRefusedAsOutOfOrderKeepsTheSubscriptionAndA481EndsIt() throws Exception {
        String dave = users.newUser("dave");
        SipTestUser agent = users.sipAgent(dave);
        assertThat(agent.send(subscribe(agent, line, "application/dialog-info+xml")).getStatusCode())
                .isEqualTo(Response.OK);
        assertThat(agent.next(Request.NOTIFY, WAIT)).isNotNull();

        // RFC 3261 §12.2.2: a NOTIFY that arrives after a newer one is answered 500; the next state still comes
        agent.answerWith(Request.NOTIFY, Response.SERVER_INTERNAL_ERROR);
        SipCall dialled = bobPhone.calls().place(users.address(line), CtiGatewayIT.sdp(47600, "sendrecv"),
                new CallListener() { });
        assertThat(agent.next(Request.NOTIFY, WAIT)).as("the trying or ringing NOTIFY").isNotNull();
        agent.answerWith(Request.NOTIFY, Response.OK);
        dialled.hangUp();
        Request afterHangUp = null;
        for (Request next; (next = agent.next(Request.NOTIFY, Duration.ofSeconds(2))) != null; ) {
            afterHangUp = next;
        }
        assertThat(afterHangUp).as("the subscription outlived the 500").isNotNull();
        assertThat(new DialogInfoParser().parse(afterHangUp.getRawContent()).dialogs())
                .noneMatch(d -> d.state() != DialogState.TERMINATED);
        assertThat(SERVER.server().sipPresenceAgent().subscriptions(line,
                EventPackage.DIALOG)).hasSize(2);

        // 481: the watcher forgot the subscription (RFC 5057), so the notifier does too
        agent.answerWith(Request.NOTIFY, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
        bobPhone.calls().place(users.address(line), CtiGatewayIT.sdp(47600, "sendrecv"), new CallListener() { });
        await().atMost(WAIT).until(() -> SERVER.server().sipPresenceAgent()
                .subscriptions(line, EventPackage.DIALOG).size() == 1);
    }

    private static Request subscribe(SipTestUser agent, String target, String accept) throws Exception {
        Request subscribe = agent.request(Request.SUBSCRIBE, agent.aor(target), agent.aor(target));
        agent.withHeader(subscribe, "Event", "dialog");
        agent.withHeader(subscribe, "Accept", accept);
        subscribe.setHeader(agent.endpoint().headerFactory().createExpiresHeader(60));
        return subscribe;
    }

    private void awaitLamps(LineState state) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(Map.of(
                "desk line", lamps.state(users.address(line)), "owner", lamps.state(users.address(alice))))
                .as("lamps (seen so far: %s)", seen)
                .containsOnly(Map.entry("desk line", state), Map.entry("owner", state)));
    }

    private static Availability availability(String user) {
        return SERVER.server().presenceEngine().composedPresence(Address.of(user, SERVER.domain())).availability();
    }
}
