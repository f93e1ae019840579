package io.switchboard.e2e.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.Call;
import io.switchboard.core.model.CallEndReason;
import io.switchboard.core.model.CallState;
import io.switchboard.core.service.CallService;
import io.switchboard.core.service.ServiceException;
import io.switchboard.deskphone.AutoAnswerPolicy;
import io.switchboard.deskphone.DeskPhone;
import io.switchboard.deskphone.DeskPhoneCall;
import io.switchboard.deskphone.DeskPhoneConfig;
import io.switchboard.deskphone.PhoneCallState;
import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.media.MediaEngine;
import io.switchboard.media.MediaSettings;
import io.switchboard.media.RtpPortRange;
import io.switchboard.sip.client.SipUserAgent;
import io.switchboard.sip.cti.CstaSessions;
import io.switchboard.sip.cti.DeskPhoneCalls;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.ua.SipProxy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DeskPhoneCalls}, the client's CallService of a desk phone, against the bundled server's CTI
 * gateway and simulated phones: the consulted (attended) transfer the call windows offer, and the
 * refusals the client must put into words.
 */
class DeskPhoneCallsIT {

    @RegisterExtension
    static final BundledServerFixture SERVER = new BundledServerFixture();

    @RegisterExtension
    final ServerUsers users = new ServerUsers(SERVER);

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    static Path dir;
    private static MediaEngine media;

    private final Map<String, Call> seen = new ConcurrentHashMap<>();
    private final java.util.List<String> refusals = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startMedia() throws Exception {
        media = MediaEngine.start(new MediaSettings(new RtpPortRange(47800, 47899), dir.resolve("media")));
    }

    @AfterAll
    static void stopMedia() {
        if (media != null) {
            media.close();
        }
    }

    @Test
    void consultingWhileInACallThenTransferringJoinsTheTwoOthersAndEndsBothDeskCalls() throws Exception {
        String alice = users.newUser("alice");
        String line = users.newUser("desk");
        String bob = users.newUser("bob");
        String carol = users.newUser("carol");
        SERVER.server().assignDeskLine(line, alice);
        phone(line, AutoAnswerPolicy.WHEN_ASKED);
        DeskPhone bobs = phone(bob, AutoAnswerPolicy.NEVER);
        DeskPhone carols = phone(carol, AutoAnswerPolicy.NEVER);
        DeskPhoneCalls calls = deskPhone(alice, line);

        Call first = calls.dial(users.address(bob));
        answerWhenItRings(bobs);
        await().atMost(WAIT).until(() -> state(first.id()) == CallState.CONNECTED);

        // the call windows' "consult first": hold, then dial — a ConsultationCall beside the held call
        calls.hold(first.id(), true);
        await().atMost(WAIT).until(() -> state(first.id()) == CallState.ON_HOLD);
        Call consultation = calls.dial(users.address(carol));
        assertThat(consultation.id()).isNotEqualTo(first.id());
        answerWhenItRings(carols);
        await().atMost(WAIT).until(() -> state(consultation.id()) == CallState.CONNECTED);

        calls.transfer(first.id(), consultation.id());

        await().atMost(WAIT).until(() -> state(first.id()) == CallState.ENDED && state(consultation.id()) == CallState.ENDED);
        assertThat(seen.get(first.id()).end()).contains(CallEndReason.TRANSFERRED);
        assertThat(seen.get(consultation.id()).end()).contains(CallEndReason.TRANSFERRED);
        assertThat(calls.calls()).isEmpty();
        assertThat(bobs.status().liveCalls()).as("bob talks to carol now").hasSize(1);
        assertThat(carols.status().liveCalls()).hasSize(1);
        assertThat(refusals).isEmpty();
    }

    @Test
    void aLineOfSomeoneElseIsRefusedInWordsAtTheStart() throws Exception {
        String alice = users.newUser("alice");
        String mallory = users.newUser("mallory");
        String line = users.newUser("desk");
        SERVER.server().assignDeskLine(line, mallory);

        assertThatThrownBy(() -> deskPhone(alice, line))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ServiceException.class)
                .hasRootCauseMessage("desk line " + line + " is not assigned to you");
    }

    @Test
    void callingFromALineWhosePhoneIsNotRegisteredSaysSo() throws Exception {
        String alice = users.newUser("alice");
        String line = users.newUser("desk");
        String bob = users.newUser("bob");
        SERVER.server().assignDeskLine(line, alice);
        DeskPhoneCalls calls = deskPhone(alice, line);

        assertThatThrownBy(() -> calls.dial(users.address(bob))).isInstanceOf(ServiceException.class)
                .hasMessage("the desk phone of line " + line + " is not registered (is it plugged in?)");
    }

    private DeskPhoneCalls deskPhone(String user, String line) throws Exception {
        SipUserAgent agent = users.registeredAgent(user);
        DeskPhoneCalls calls = DeskPhoneCalls.start(new CstaSessions(agent), users.address("cti"),
                users.address(line), agent.context().events(), Clock.systemUTC()).get(10, TimeUnit.SECONDS);
        users.closeAfter(calls);
        calls.addListener(new CallService.CallListener() {
            @Override
            public void callChanged(Call call) {
                seen.put(call.id(), call);
            }

            @Override
            public void requestFailed(String callId, String reason) {
                refusals.add(reason);
            }

            @Override
            public void transferFailed(String callId, String reason) {
                refusals.add(reason);
            }
        });
        return calls;
    }

    private CallState state(String callId) {
        return Optional.ofNullable(seen.get(callId)).map(Call::state).orElse(null);
    }

    private static void answerWhenItRings(DeskPhone phone) throws Exception {
        DeskPhoneCall ringing = await().atMost(WAIT).until(() -> phone.status().liveCalls().stream()
                .filter(c -> c.state() == PhoneCallState.RINGING).findFirst(), Optional::isPresent).get();
        phone.answer(ringing.callId());
    }

    private DeskPhone phone(String user, AutoAnswerPolicy policy) throws Exception {
        DeskPhone phone = users.closeAfter(DeskPhone.start(DeskPhoneConfig.of(users.address(user),
                        ServerUsers.password(user), new SipProxy("127.0.0.1", SERVER.sipPort(), SipTransport.UDP))
                .withAutoAnswer(policy), media));
        phone.firstRegistration().get(10, TimeUnit.SECONDS);
        return phone;
    }
}
