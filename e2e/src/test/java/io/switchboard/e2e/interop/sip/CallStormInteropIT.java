package io.switchboard.e2e.interop.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.app.call.SoftphoneCalls;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Call;
import io.switchboard.core.model.CallState;
import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.e2e.interop.sip.SippRunner.Account;
import io.switchboard.e2e.interop.sip.SippRunner.Result;
import io.switchboard.e2e.interop.sip.SippRunner.Run;
import io.switchboard.e2e.interop.sip.SippRunner.Transport;
import io.switchboard.media.AudioSession;
import io.switchboard.media.MediaEngine;
import io.switchboard.media.MediaSettings;
import io.switchboard.media.RtpPortRange;
import io.switchboard.media.audio.RecordingSink;
import io.switchboard.media.audio.ToneSource;
import io.switchboard.media.sdp.AudioCapabilities;
import io.switchboard.sip.client.SipUserAgent;
import io.switchboard.sip.stack.SipStackFactory;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.sip.ua.SipUserAgentSettings;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Call storms from SIPp (an independent SIP implementation): through the bundled server's proxy to
 * a SIPp callee at a rate the server cannot keep up with, and at our own softphone, every call
 * ringing (an RTP port pair taken) and cancelled. Afterwards the server still serves, the
 * softphone has every port back, and neither grew threads with the load.
 */
class CallStormInteropIT {

    @RegisterExtension
    static final BundledServerFixture SERVER = BundledServerFixture.withoutFloodLimit();

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /** Ten port pairs: a leak of one per call would run dry within the first dozen calls. */
    private static final RtpPortRange BOBS_PORTS = new RtpPortRange(48200, 48219);
    /** Threads a storm may leave behind (pools that grew to their bound); a thread per call would be hundreds. */
    private static final int THREAD_SLACK = 60;

    @TempDir
    static Path state;
    private static SippRunner sipp;
    private static MediaEngine media;

    @BeforeAll
    static void setUp() throws Exception {
        sipp = new SippRunner();
        for (String user : new String[] {"caller", "sink", "bob", "alice"}) {
            SERVER.register(user, password(user));
        }
        media = MediaEngine.start(new MediaSettings(BOBS_PORTS, state.resolve("media")));
    }

    @AfterAll
    static void tearDown() throws Exception {
        media.close();
        sipp.close(false);
    }

    @Test
    void aStormThroughTheProxyOverloadsTheServerWhichKeepsServingAfterwards() throws Exception {
        int threadsBefore = threads();
        // the callee registers from the port its INVITE-answering SIPp then listens on
        int sinkPort = io.switchboard.e2e.scenarios.TestProcesses.freePort();
        Result registered = sipp.run(run("register.xml", account("sink", "")).withKeyword("expires", "600")
                .withLocalPort(sinkPort));
        assertThat(registered.allSucceeded(1)).as(registered.toString()).isTrue();
        SippRunner.Running sink = sipp.start(run("invite-sink.xml", account("sink", "")).withLocalPort(sinkPort)
                .withCalls(100_000));
        sink.awaitBound(Duration.ofSeconds(10));

        // 800 new calls a second for 5 s: each INVITE, 407, INVITE, 180, 200, ACK, BYE, 200 through the proxy
        Result storm = sipp.run(run("invite.xml", account("caller", "sink")).withCalls(4_000).withRate(800));
        sink.kill();

        // far beyond what two cores route (about 200 calls/s): most fail, but some get through
        assertThat(storm.successful()).as("calls set up during the storm: %s", storm.output()).isPositive();
        assertThat(threads()).as("threads after the storm").isLessThan(threadsBefore + THREAD_SLACK);
        Result after = sipp.run(run("register.xml", account("caller", "")).withKeyword("expires", "600"));
        assertThat(after.allSucceeded(1)).as("the server still answers after the storm: %s", after).isTrue();
    }

    @Test
    void aStormOfCancelledCallsGivesBackEveryPortOfTheSoftphone() throws Exception {
        SipUserAgent bobAgent = agent("bob");
        SoftphoneCalls bob = new SoftphoneCalls(bobAgent.calls(), media,
                (engine, local) -> engine.openAudio(local, new ToneSource(600, 0.3), new RecordingSink(5)),
                AudioCapabilities.defaults(), LOOPBACK, Clock.systemUTC(), Runnable::run);
        try {
            int threadsBefore = threads();
            Result storm = sipp.run(run("invite-cancel.xml", account("caller", "bob")).withCalls(300).withRate(50)
                    .withTimeout(Duration.ofSeconds(20)));
            assertThat(storm.allSucceeded(300)).as("every call rang and was cancelled: %s", storm.output()).isTrue();

            // a CANCEL that overtakes the proxy's own record of the branch it cancels (the callee rang
            // within a millisecond) used to leave the call ringing there for ever, holding its ports
            await().atMost(Duration.ofSeconds(10)).until(() -> bob.calls().isEmpty());
            assertThat(threads()).as("threads after the storm").isLessThan(threadsBefore + THREAD_SLACK);
            assertEveryPortPairIsFree();
            assertARealCallStillConnects(bob);
        } finally {
            bob.close();
            bobAgent.close();
        }
    }

    /** All ten pairs of the range open at once: none was left bound by a cancelled call. */
    private static void assertEveryPortPairIsFree() throws Exception {
        List<AudioSession> sessions = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                sessions.add(media.openAudio(LOOPBACK, new ToneSource(440, 0.1), new RecordingSink(1)));
            }
        } finally {
            sessions.forEach(AudioSession::close);
        }
        assertThat(sessions).hasSize(10);
    }

    private static void assertARealCallStillConnects(SoftphoneCalls bob) throws Exception {
        Map<String, Call> bobSees = new ConcurrentHashMap<>();
        bob.addListener(call -> {
            bobSees.put(call.id(), call);
            if (call.state() == CallState.INCOMING) {
                try {
                    bob.answer(call.id());
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        });
        SipUserAgent aliceAgent = agent("alice");
        SoftphoneCalls alice = new SoftphoneCalls(aliceAgent.calls(), media,
                (engine, local) -> engine.openAudio(local, new ToneSource(1000, 0.3), new RecordingSink(5)),
                AudioCapabilities.defaults(), LOOPBACK, Clock.systemUTC(), Runnable::run);
        try {
            Call dialled = alice.dial(Address.of("bob", SERVER.domain()));
            await().atMost(Duration.ofSeconds(10)).until(() -> alice.calls().stream()
                    .anyMatch(c -> c.id().equals(dialled.id()) && c.state() == CallState.CONNECTED));
            alice.hangUp(dialled.id());
        } finally {
            alice.close();
            aliceAgent.close();
        }
    }

    private static SipUserAgent agent(String user) throws Exception {
        SipAccount account = SipAccount.of(Address.of(user, SERVER.domain()), password(user),
                new SipProxy("127.0.0.1", SERVER.sipPort(), SipTransport.UDP));
        SipUserAgent agent = SipUserAgent.start(new SipStackFactory(), account, SipUserAgentSettings.defaults());
        agent.registration().register().get(10, TimeUnit.SECONDS);
        return agent;
    }

    private static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static String target() {
        return "127.0.0.1:" + SERVER.sipPort();
    }

    private static Run run(String scenario, Account account) {
        return Run.of(scenario, target(), Transport.UDP, account).withTimeout(Duration.ofSeconds(60));
    }

    private static Account account(String user, String peer) {
        return new Account(user, SERVER.domain(), password(user), peer);
    }

    private static String password(String user) {
        return "storm-" + user;
    }
}
