package io.switchboard.e2e.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.Address;
import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.sip.call.CallEnd;
import io.switchboard.sip.call.CallListener;
import io.switchboard.sip.call.CallState;
import io.switchboard.sip.call.SessionAnswer;
import io.switchboard.sip.call.SipCall;
import io.switchboard.sip.client.SipUserAgent;
import io.switchboard.sip.ua.SipUserAgentSettings;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Call signalling (INVITE dialogs, RFC 3261 13–15) between two of our SIP user agents through the
 * bundled server's proxy: ringing, answer, hang-up from either side, busy, decline, cancel, unknown
 * and unregistered callees, and a re-INVITE in the call. The SDP here is opaque text; media is
 * proven in {@code SipAudioCallIT}.
 */
class SipCallIT {

    @RegisterExtension
    static final BundledServerFixture SERVER = new BundledServerFixture();

    @RegisterExtension
    final ServerUsers users = new ServerUsers(SERVER);

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String OFFER = "v=0\r\no=alice 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\n"
            + "t=0 0\r\nm=audio 47100 RTP/AVP 0\r\na=sendrecv\r\n";
    private static final String ANSWER = "v=0\r\no=bob 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\n"
            + "t=0 0\r\nm=audio 47200 RTP/AVP 0\r\na=sendrecv\r\n";

    private SipUserAgent alice;
    private SipUserAgent bob;
    private Address bobAddress;
    private final BlockingQueue<SipCall> ringingAtBob = new LinkedBlockingQueue<>();

    @BeforeEach
    void registerBoth() throws Exception {
        String aliceName = users.newUser("caller");
        String bobName = users.newUser("callee");
        alice = users.registeredAgent(aliceName);
        bob = users.registeredAgent(bobName);
        bobAddress = users.address(bobName);
        bob.calls().addIncomingCallListener(ringingAtBob::add);
    }

    @Test
    void aCallRingsIsAnsweredAndEndsWhenTheCallerHangsUp() throws Exception {
        Events atAlice = new Events();
        SipCall outgoing = alice.calls().place(bobAddress, OFFER, atAlice);

        SipCall incoming = ringingAtBob.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(incoming).as("the call rings at the callee").isNotNull();
        assertThat(incoming.remoteOffer()).isEqualTo(OFFER);
        assertThat(incoming.remote().local()).startsWith("caller");
        await().atMost(WAIT).until(() -> atAlice.has("ringing"));
        assertThat(outgoing.state()).isEqualTo(CallState.RINGING);

        Events atBob = new Events();
        incoming.addListener(atBob);
        incoming.answer(ANSWER);

        await().atMost(WAIT).until(() -> atAlice.has("connected"));
        assertThat(atAlice.answer.get()).isEqualTo(ANSWER);
        assertThat(outgoing.state()).isEqualTo(CallState.CONNECTED);
        assertThat(incoming.state()).isEqualTo(CallState.CONNECTED);

        outgoing.hangUp();

        await().atMost(WAIT).until(() -> atBob.end.get() != null);
        assertThat(atBob.end.get().reason()).isEqualTo(CallEnd.Reason.REMOTE_HUNG_UP);
        assertThat(atAlice.end.get().reason()).isEqualTo(CallEnd.Reason.HUNG_UP);
        assertThat(alice.calls().activeCalls()).isEmpty();
        assertThat(bob.calls().activeCalls()).isEmpty();
    }

    @Test
    void theCalleeHangsUp() throws Exception {
        Events atAlice = new Events();
        SipCall outgoing = alice.calls().place(bobAddress, OFFER, atAlice);
        SipCall incoming = ringingAtBob.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        incoming.answer(ANSWER);
        await().atMost(WAIT).until(() -> atAlice.has("connected"));

        incoming.hangUp();

        await().atMost(WAIT).until(() -> atAlice.end.get() != null);
        assertThat(atAlice.end.get().reason()).isEqualTo(CallEnd.Reason.REMOTE_HUNG_UP);
        assertThat(outgoing.state()).isEqualTo(CallState.ENDED);
    }

    @Test
    void aBusyCalleeGives486AndADeclineGives603() throws Exception {
        Events busy = new Events();
        alice.calls().place(bobAddress, OFFER, busy);
        ringingAtBob.poll(WAIT.toSeconds(), TimeUnit.SECONDS).reject(true);
        await().atMost(WAIT).until(() -> busy.end.get() != null);
        assertThat(busy.end.get().reason()).isEqualTo(CallEnd.Reason.BUSY);
        assertThat(busy.end.get().status()).isEqualTo(486);

        Events declined = new Events();
        alice.calls().place(bobAddress, OFFER, declined);
        ringingAtBob.poll(WAIT.toSeconds(), TimeUnit.SECONDS).reject(false);
        await().atMost(WAIT).until(() -> declined.end.get() != null);
        assertThat(declined.end.get().reason()).isEqualTo(CallEnd.Reason.DECLINED);
        assertThat(declined.end.get().status()).isEqualTo(603);
    }

    @Test
    void theCallerCancelsWhileItRings() throws Exception {
        Events atAlice = new Events();
        SipCall outgoing = alice.calls().place(bobAddress, OFFER, atAlice);
        SipCall incoming = ringingAtBob.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        Events atBob = new Events();
        incoming.addListener(atBob);
        await().atMost(WAIT).until(() -> atAlice.has("ringing"));

        outgoing.hangUp();

        await().atMost(WAIT).until(() -> atBob.end.get() != null && atAlice.end.get() != null);
        assertThat(atBob.end.get().reason()).isEqualTo(CallEnd.Reason.REMOTE_HUNG_UP);
        assertThat(atAlice.end.get().reason()).isEqualTo(CallEnd.Reason.HUNG_UP);
        assertThat(atAlice.end.get().status()).isEqualTo(487);
        assertThat(incoming.state()).isEqualTo(CallState.ENDED);
    }

    @Test
    void unknownAndUnregisteredCalleesAreToldApart() throws Exception {
        Events unknown = new Events();
        alice.calls().place(Address.of("nobody-here", SERVER.domain()), OFFER, unknown);
        await().atMost(WAIT).until(() -> unknown.end.get() != null);
        assertThat(unknown.end.get().reason()).isEqualTo(CallEnd.Reason.NOT_FOUND);

        String offline = users.newUser("offline");
        Events unavailable = new Events();
        alice.calls().place(users.address(offline), OFFER, unavailable);
        await().atMost(WAIT).until(() -> unavailable.end.get() != null);
        assertThat(unavailable.end.get().reason()).isEqualTo(CallEnd.Reason.UNAVAILABLE);
        assertThat(unavailable.end.get().status()).isEqualTo(480);
    }

    @Test
    void aReInviteInTheCallIsAnsweredByTheOtherSidesMedia() throws Exception {
        Events atAlice = new Events();
        SipCall outgoing = alice.calls().place(bobAddress, OFFER, atAlice);
        SipCall incoming = ringingAtBob.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        Events atBob = new Events();
        incoming.addListener(atBob);
        String holdOffer = OFFER.replace("a=sendrecv", "a=sendonly").replace(" 1 1 IN", " 1 2 IN");
        String holdAnswer = ANSWER.replace("a=sendrecv", "a=recvonly").replace(" 1 1 IN", " 1 2 IN");
        incoming.setOfferHandler(offer -> offer.contains("a=sendonly")
                ? SessionAnswer.accept(holdAnswer) : SessionAnswer.notAcceptable("unexpected"));
        incoming.answer(ANSWER);
        await().atMost(WAIT).until(() -> atAlice.has("connected"));

        String answer = outgoing.reoffer(holdOffer).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(answer).isEqualTo(holdAnswer);
        await().atMost(WAIT).until(() -> atBob.has("renegotiated"));
        assertThat(outgoing.state()).isEqualTo(CallState.CONNECTED);
        outgoing.hangUp();
        await().atMost(WAIT).until(() -> atBob.end.get() != null);
    }

    @Test
    void aSessionTimerKeepsTheCallUpWithRefreshes() throws Exception {
        SipUserAgent shortTimer = users.registeredAgent(users.newUser("refresher"),
                SipUserAgentSettings.defaults().withSessionExpires(Duration.ofSeconds(4)));
        Events atCaller = new Events();
        SipCall outgoing = shortTimer.calls().place(bobAddress, OFFER, atCaller);
        SipCall incoming = ringingAtBob.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        Events atBob = new Events();
        incoming.addListener(atBob);
        List<String> refreshOffers = new CopyOnWriteArrayList<>();
        incoming.setOfferHandler(offer -> {
            refreshOffers.add(offer);
            return SessionAnswer.accept(ANSWER);
        });
        incoming.answer(ANSWER);
        await().atMost(WAIT).until(() -> atCaller.has("connected"));

        // RFC 4028: the caller refreshes every 2 s (half of 4 s); the callee would end the call
        // after 2.67 s without one
        await().atMost(WAIT).until(() -> refreshOffers.size() >= 3);

        assertThat(refreshOffers).allSatisfy(offer -> assertThat(offer).isEqualTo(OFFER));
        assertThat(outgoing.state()).isEqualTo(CallState.CONNECTED);
        assertThat(incoming.state()).isEqualTo(CallState.CONNECTED);
        outgoing.hangUp();
        await().atMost(WAIT).until(() -> atBob.end.get() != null);
        assertThat(atBob.end.get().reason()).isEqualTo(CallEnd.Reason.REMOTE_HUNG_UP);
    }

    @Test
    void aCallWhoseOtherSideVanishedEndsWhenItsSessionTimerExpires() throws Exception {
        SipUserAgent vanishing = users.registeredAgent(users.newUser("vanishing"),
                SipUserAgentSettings.defaults().withSessionExpires(Duration.ofSeconds(4)));
        vanishing.calls().place(bobAddress, OFFER, new Events());
        SipCall incoming = ringingAtBob.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        Events atBob = new Events();
        incoming.addListener(atBob);
        incoming.setOfferHandler(offer -> SessionAnswer.accept(ANSWER));
        incoming.answer(ANSWER);
        await().atMost(WAIT).until(() -> incoming.state() == CallState.CONNECTED);

        vanishing.close(); // no BYE: the caller's machine is gone

        await().atMost(WAIT).until(() -> atBob.end.get() != null);
        assertThat(atBob.end.get().reason()).isEqualTo(CallEnd.Reason.FAILED);
        assertThat(atBob.end.get().phrase()).contains("session timer expired");
    }

    /** What one side's call listener heard. */
    private static final class Events implements CallListener {
        final List<String> seen = new CopyOnWriteArrayList<>();
        final AtomicReference<String> answer = new AtomicReference<>();
        final AtomicReference<CallEnd> end = new AtomicReference<>();

        boolean has(String event) {
            return seen.contains(event);
        }

        @Override
        public void ringing(SipCall call) {
            seen.add("ringing");
        }

        @Override
        public void connected(SipCall call, String sdpAnswer) {
            answer.set(sdpAnswer);
            seen.add("connected");
        }

        @Override
        public void renegotiated(SipCall call, String offer, String sdpAnswer) {
            seen.add("renegotiated");
        }

        @Override
        public void ended(SipCall call, CallEnd callEnd) {
            end.set(callEnd);
            seen.add("ended");
        }
    }
}
