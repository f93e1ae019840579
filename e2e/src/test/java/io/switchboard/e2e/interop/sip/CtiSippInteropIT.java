package io.switchboard.e2e.interop.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.Address;
import io.switchboard.deskphone.AutoAnswerPolicy;
import io.switchboard.deskphone.DeskPhone;
import io.switchboard.deskphone.DeskPhoneCall;
import io.switchboard.deskphone.DeskPhoneConfig;
import io.switchboard.deskphone.PhoneCallState;
import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.e2e.interop.sip.SippRunner.Account;
import io.switchboard.e2e.interop.sip.SippRunner.Result;
import io.switchboard.e2e.interop.sip.SippRunner.Run;
import io.switchboard.e2e.interop.sip.SippRunner.Transport;
import io.switchboard.media.MediaEngine;
import io.switchboard.media.MediaSettings;
import io.switchboard.media.RtpPortRange;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.ua.SipProxy;

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

/**
 * A uaCSTA client that is not ours: SIPp plays a scripted CTI application ({@code sipp/cti-session.xml})
 * against the gateway of the bundled server — a session opened by a digest-authenticated INVITE,
 * ECMA-323 requests in INFOs (RequestSystemStatus, MonitorStart, MakeCall) answered positively,
 * a malformed document, an unknown service and an unknown device answered with the CSTAErrorCode
 * values ECMA-323 names, the session still working after them, the monitor's events, and BYE.
 * The desk line and the callee are our simulated phones, so MakeCall really rings someone.
 */
class CtiSippInteropIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @RegisterExtension
    static final BundledServerFixture SERVER = new BundledServerFixture();

    @TempDir
    static Path dir;

    private static SippRunner sipp;
    private static MediaEngine media;
    private static DeskPhone desk;
    private static DeskPhone callee;
    private static boolean failed = true;

    @BeforeAll
    static void start() throws Exception {
        for (String user : List.of("alice", "desk", "bob", "carol", "carolsdesk")) {
            SERVER.register(user, password(user));
        }
        SERVER.server().assignDeskLine("desk", "alice");
        SERVER.server().assignDeskLine("carolsdesk", "carol");
        sipp = new SippRunner();
        media = MediaEngine.start(new MediaSettings(new RtpPortRange(47750, 47799), dir.resolve("media")));
        desk = phone("desk", AutoAnswerPolicy.WHEN_ASKED, 700);
        callee = phone("bob", AutoAnswerPolicy.NEVER, 1100);
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {callee, desk, media}) {
            if (c != null) {
                c.close();
            }
        }
        if (sipp != null) {
            sipp.close(failed);
        }
    }

    private static DeskPhone phone(String user, AutoAnswerPolicy policy, double toneHz) throws Exception {
        DeskPhone phone = DeskPhone.start(DeskPhoneConfig.of(Address.of(user, SERVER.domain()), password(user),
                new SipProxy("127.0.0.1", SERVER.sipPort(), SipTransport.UDP)).withAutoAnswer(policy).withTone(toneHz),
                media);
        phone.firstRegistration().get(10, TimeUnit.SECONDS);
        return phone;
    }

    private static String password(String user) {
        return "sipp-cti-" + user;
    }

    private static Run session(String user, String line) {
        return Run.of("cti-session.xml", "127.0.0.1:" + SERVER.sipPort(), Transport.UDP,
                        new Account(user, SERVER.domain(), password(user), line))
                .withKeyword("callee", "bob").withTimeout(Duration.ofSeconds(40));
    }

    @Test
    void aScriptedUaCstaClientGetsEcma323AnswersRefusalsThatKeepTheSessionAndAWorkingMakeCall() throws Exception {
        Result result = sipp.run(session("alice", "desk"));

        assertThat(result.allSucceeded(1)).as("%s", result).isTrue();
        assertThat(result.messages()).as("challenged, then admitted")
                .contains("SIP/2.0 407").contains("RequestSystemStatusResponse");
        assertThat(result.messages()).as("the monitor reported the call").containsPattern("<(Originated|Delivered)Event");
        DeskPhoneCall ringing = await("the callee rings").atMost(WAIT)
                .until(() -> callee.status().liveCalls().stream().findFirst(), Optional::isPresent).get();
        assertThat(ringing.state()).isEqualTo(PhoneCallState.RINGING);
        assertThat(desk.status().liveCalls()).as("the desk phone went off-hook by itself").hasSize(1);
        callee.hangUp();
        await("the call ends").atMost(WAIT)
                .until(() -> desk.status().liveCalls().isEmpty() && callee.status().liveCalls().isEmpty());
        failed = false;
    }

    @Test
    void theScriptFailsWhenTheDeskLineIsSomeoneElses() throws Exception {
        // carol's desk line is not alice's: MonitorStart is refused (privilegeViolationOnSpecifiedDevice)
        // where the scenario insists on a monitorCrossRefID, so SIPp must report the call failed
        Result result = sipp.run(session("alice", "carolsdesk").withTimeout(Duration.ofSeconds(15)));

        assertThat(result.exitCode()).as("%s", result).isNotZero();
        assertThat(result.messages()).contains("privilegeViolationOnSpecifiedDevice");
    }
}
