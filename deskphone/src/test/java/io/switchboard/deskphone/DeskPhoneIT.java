package io.switchboard.deskphone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.Address;
import io.switchboard.media.AudioSession;
import io.switchboard.media.MediaDirection;
import io.switchboard.media.MediaEngine;
import io.switchboard.media.MediaSettings;
import io.switchboard.media.RtpPortRange;
import io.switchboard.media.audio.ToneSource;
import io.switchboard.media.sdp.AudioCapabilities;
import io.switchboard.media.sdp.SdpOffer;
import io.switchboard.media.sdp.SdpSession;
import io.switchboard.sip.call.CallEnd;
import io.switchboard.sip.call.CallListener;
import io.switchboard.sip.call.CallOptions;
import io.switchboard.sip.call.SipCall;
import io.switchboard.sip.client.SipUserAgent;
import io.switchboard.sip.register.RegistrationState;
import io.switchboard.sip.stack.SipStackFactory;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.sip.ua.SipUserAgentSettings;

import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Desk phones registered with the real bundled server (in-process, loopback), calling each other
 * and driven the way the CTI gateway drives them (RFC 3725): an auto-answer INVITE with an
 * inactive offer at a dummy port, re-INVITEs that start, hold and resume the audio, a BYE. Every
 * phone sends its own tone; the tests check who hears whom (Goertzel). No sound card is used.
 */
class DeskPhoneIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final String PASSWORD = "pw-desk";
    private static final AtomicInteger NEXT = new AtomicInteger();

    @TempDir
    static Path dir;
    private static TestServer server;
    private static MediaEngine media;

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(dir.resolve("server"));
        media = MediaEngine.start(new MediaSettings(new RtpPortRange(47300, 47399), dir.resolve("media")));
    }

    @AfterAll
    static void stop() {
        if (media != null) {
            media.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
    }

    @Test
    void aCallsBWhichRingsIsAnsweredThroughTheControlAndEachHearsTheOther() throws Exception {
        DeskPhone a = phone("desk-a", 700, AutoAnswerPolicy.WHEN_ASKED);
        DeskPhone b = phone("desk-b", 1100, AutoAnswerPolicy.WHEN_ASKED);
        DeskPhoneControl bControl = closeAfter(DeskPhoneControl.start(b, 0));

        DeskPhoneCall dialled = a.dial(b.line());

        DeskPhoneCall ringing = awaitCall(b, PhoneCallState.RINGING);
        assertThat(ringing.incoming()).isTrue();
        assertThat(ringing.remote()).isEqualTo(a.line());
        assertThat(ringing.autoAnswer()).isEmpty();
        awaitState(a, dialled.callId(), PhoneCallState.RINGING);

        HttpResponse<String> answered = post(bControl, "/answer");
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);

        awaitState(a, dialled.callId(), PhoneCallState.CONNECTED);
        awaitState(b, ringing.callId(), PhoneCallState.CONNECTED);
        awaitHears(a, dialled.callId(), 1100);
        awaitHears(b, ringing.callId(), 700);
        String status = http.send(HttpRequest.newBuilder(bControl.url().resolve("/status")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(status).contains("\"state\":\"CONNECTED\"").contains("\"registration\":\"REGISTERED\"");

        a.sendDigits("12#");
        await("B receives the digits").atMost(WAIT)
                .until(() -> b.status().call(ringing.callId()).orElseThrow().receivedDigits(), "12#"::equals);

        a.hangUp();

        DeskPhoneCall ended = awaitState(b, ringing.callId(), PhoneCallState.ENDED);
        assertThat(ended.endReason()).contains("hung up");
        assertThat(a.status().liveCalls()).isEmpty();
    }

    @Test
    void aCtiGatewaysAutoAnswerCallIsAnsweredAndItsReInvitesStartHoldAndResumeTheAudio() throws Exception {
        DeskPhone phone = phone("desk-c", 900, AutoAnswerPolicy.WHEN_ASKED);
        Gateway gateway = gateway("cti", 1500);

        // RFC 3725 flow: first an inactive offer at a dummy port, answered by the phone by itself
        SdpOffer first = gateway.sdp.createOffer(MediaDirection.INACTIVE);
        String dummy = first.sdp().replace("m=audio " + gateway.audio.localRtp().getPort() + " ", "m=audio 9 ");
        assertThat(dummy).contains("m=audio 9 ").contains("a=inactive");
        SipCall call = gateway.agent.calls().place(phone.line(), dummy, gateway.events,
                CallOptions.DEFAULT.withHeader("Call-Info", "<sip:" + server.domain() + ">;answer-after=0"));

        gateway.connected.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        DeskPhoneCall answered = awaitState(phone, call.callId(), PhoneCallState.CONNECTED);
        assertThat(answered.autoAnswer()).contains(Duration.ZERO);
        assertThat(answered.mediaDirection()).contains(MediaDirection.INACTIVE);

        // the gateway points the phone's audio at a real address: both hear each other
        gateway.reoffer(call, MediaDirection.SENDRECV);
        awaitState(phone, call.callId(), PhoneCallState.CONNECTED);
        awaitHears(phone, call.callId(), 1500);
        await("the gateway hears the phone").atMost(WAIT).until(() -> gateway.speaker.hearing().hears(900, 20, 0.05));

        // hold by the gateway: sendonly
        gateway.reoffer(call, MediaDirection.SENDONLY);
        DeskPhoneCall held = awaitState(phone, call.callId(), PhoneCallState.HELD);
        assertThat(held.mediaDirection()).contains(MediaDirection.RECVONLY);
        assertThat(held.heldHere()).isFalse();

        // resume: sendrecv again, and the phone hears the gateway's tone again
        gateway.reoffer(call, MediaDirection.SENDRECV);
        awaitState(phone, call.callId(), PhoneCallState.CONNECTED);
        awaitHears(phone, call.callId(), 1500);

        call.hangUp();

        awaitState(phone, call.callId(), PhoneCallState.ENDED);
    }

    @Test
    void aCallNotAskingForAutoAnswerRingsUntilCancelled() throws Exception {
        DeskPhone phone = phone("desk-d", 800, AutoAnswerPolicy.WHEN_ASKED);
        Gateway gateway = gateway("caller", 1300);

        SipCall call = gateway.agent.calls().place(phone.line(), gateway.sdp.createOffer(MediaDirection.SENDRECV).sdp(),
                gateway.events);
        DeskPhoneCall ringing = awaitState(phone, call.callId(), PhoneCallState.RINGING);
        assertThat(ringing.autoAnswer()).isEmpty();
        await().pollDelay(Duration.ofMillis(500)).atMost(WAIT).until(() -> true);
        assertThat(phone.status().call(call.callId()).orElseThrow().state()).isEqualTo(PhoneCallState.RINGING);

        call.hangUp();

        awaitState(phone, call.callId(), PhoneCallState.ENDED);
        assertThat(phone.status().liveCalls()).isEmpty();
    }

    @Test
    void holdAndResumeFromThePhoneItself() throws Exception {
        DeskPhone a = phone("desk-e", 650, AutoAnswerPolicy.WHEN_ASKED);
        DeskPhone b = phone("desk-f", 1250, AutoAnswerPolicy.ALWAYS);

        DeskPhoneCall call = a.dial(b.line());
        awaitState(a, call.callId(), PhoneCallState.CONNECTED);
        awaitHears(a, call.callId(), 1250);

        a.hold();
        DeskPhoneCall held = awaitState(a, call.callId(), PhoneCallState.HELD);
        assertThat(held.heldHere()).isTrue();
        awaitState(b, call.callId(), PhoneCallState.HELD);
        await("silence while held").atMost(WAIT).until(() -> hearing(b, call.callId()).level() < 0.01);

        a.resume();
        awaitState(a, call.callId(), PhoneCallState.CONNECTED);
        awaitState(b, call.callId(), PhoneCallState.CONNECTED);
        awaitHears(b, call.callId(), 650);

        b.hangUp();
        awaitState(a, call.callId(), PhoneCallState.ENDED);
    }

    // ---- helpers -------------------------------------------------------------------------

    private DeskPhone phone(String prefix, double toneHz, AutoAnswerPolicy policy) throws Exception {
        Address line = server.user(prefix + NEXT.incrementAndGet(), PASSWORD);
        DeskPhone phone = closeAfter(DeskPhone.start(DeskPhoneConfig.of(line, PASSWORD, server.proxy())
                .withTone(toneHz).withAutoAnswer(policy), media));
        assertThat(phone.firstRegistration().get(WAIT.toMillis(), TimeUnit.MILLISECONDS).state())
                .isEqualTo(RegistrationState.REGISTERED);
        return phone;
    }

    private Gateway gateway(String prefix, double toneHz) throws Exception {
        Address address = server.user(prefix + NEXT.incrementAndGet(), PASSWORD);
        SipUserAgent agent = closeAfter(SipUserAgent.start(new SipStackFactory(),
                SipAccount.of(address, PASSWORD, server.proxy()), SipUserAgentSettings.defaults()));
        agent.registration().register().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        ListeningSink speaker = new ListeningSink();
        AudioSession audio = closeAfter(media.openAudio(LOOPBACK, new ToneSource(toneHz, 0.3), speaker));
        SdpSession sdp = new SdpSession(LOOPBACK, audio.localRtp().getPort(), AudioCapabilities.defaults(), 42, 1);
        return new Gateway(agent, audio, sdp, speaker);
    }

    /** A third-party call controller's side of a call: a plain user agent with its own audio. */
    private static final class Gateway {
        final SipUserAgent agent;
        final AudioSession audio;
        final SdpSession sdp;
        final ListeningSink speaker;
        final CompletableFuture<String> connected = new CompletableFuture<>();
        final CompletableFuture<CallEnd> ended = new CompletableFuture<>();
        final CallListener events = new CallListener() {
            @Override
            public void connected(SipCall call, String sdpAnswer) {
                connected.complete(sdpAnswer);
            }

            @Override
            public void ended(SipCall call, CallEnd end) {
                ended.complete(end);
            }
        };

        Gateway(SipUserAgent agent, AudioSession audio, SdpSession sdp, ListeningSink speaker) {
            this.agent = agent;
            this.audio = audio;
            this.sdp = sdp;
            this.speaker = speaker;
        }

        /** Re-INVITEs with a new offer from our real port and points our audio as answered. */
        void reoffer(SipCall call, MediaDirection direction) throws Exception {
            SdpOffer offer = sdp.createOffer(direction);
            String answer = call.reoffer(offer.sdp()).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            audio.start(sdp.readAnswer(offer, answer));
        }
    }

    private static DeskPhoneCall awaitCall(DeskPhone phone, PhoneCallState state) {
        return await(phone.line() + " has a call " + state).atMost(WAIT).until(() -> phone.status().calls().stream()
                .filter(c -> c.state() == state).findFirst().orElse(null), java.util.Objects::nonNull);
    }

    private static DeskPhoneCall awaitState(DeskPhone phone, String callId, PhoneCallState state) {
        return await(phone.line() + " call " + callId + " " + state).atMost(WAIT)
                .until(() -> phone.status().call(callId).orElse(null), c -> c != null && c.state() == state);
    }

    private static void awaitHears(DeskPhone phone, String callId, double hz) {
        await(phone.line() + " hears " + hz + " Hz").atMost(WAIT)
                .until(() -> hearing(phone, callId), hearing -> hearing.hears(hz, 20, 0.05));
    }

    private static Hearing hearing(DeskPhone phone, String callId) {
        return phone.status().call(callId).map(DeskPhoneCall::hearing).orElse(Hearing.SILENCE);
    }

    private HttpResponse<String> post(DeskPhoneControl control, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(control.url().resolve(path)).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private <T extends AutoCloseable> T closeAfter(T closeable) {
        closeables.add(closeable);
        return closeable;
    }
}
