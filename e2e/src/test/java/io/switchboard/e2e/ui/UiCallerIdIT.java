package io.switchboard.e2e.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.app.LaunchOptions;
import io.switchboard.app.call.SoftphoneCalls;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Call;
import io.switchboard.core.model.CallEndReason;
import io.switchboard.core.model.CallState;
import io.switchboard.core.service.CallService;
import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.media.MediaEngine;
import io.switchboard.media.MediaSettings;
import io.switchboard.media.RtpPortRange;
import io.switchboard.media.audio.RecordingSink;
import io.switchboard.media.audio.ToneSource;
import io.switchboard.media.sdp.AudioCapabilities;
import io.switchboard.server.demo.DemoDirectory;
import io.switchboard.server.demo.DemoPeople;
import io.switchboard.sip.client.SipUserAgent;
import io.switchboard.sip.stack.SipStackFactory;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.sip.ua.SipUserAgentSettings;
import io.switchboard.xmpp.XmppClientSession;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.sdk.Entry;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Caller identification from the company directory with real ringing calls: the server with its
 * embedded directory (the demo organisation), the client signed in over XMPP as a directory user
 * with its SIP phone line (ADR 0027), and callers that are real SIP user agents placing calls
 * through the server's proxy. The incoming-call window names a colleague the directory knows —
 * by their address, by their desk extension, by their mobile number from the phone network — and
 * leaves a caller it does not know, or a caller it cannot look up because the directory stopped
 * answering, as they are, still ringing and answerable.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UiCallerIdIT extends UiTestSupport {

    @RegisterExtension
    static final BundledServerFixture SERVER = BundledServerFixture.withEmbeddedDirectory();

    /** Where calls from the phone network come from: a gateway's host, a domain the server does not serve. */
    private static final String PSTN_GATEWAY = "pstn-gateway.example";
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    Path home;
    @TempDir
    Path media;

    private ComposedClient client;
    private MediaEngine callerMedia;
    private final List<Caller> callers = new ArrayList<>();
    private final List<XmppClientSession> sessions = new ArrayList<>();

    @Override
    BundledServerFixture server() {
        return SERVER;
    }

    @AfterEach
    void closeEverything() throws Exception {
        callers.forEach(Caller::close);
        callers.clear();
        if (callerMedia != null) {
            callerMedia.close();
            callerMedia = null;
        }
        sessions.forEach(XmppClientSession::close);
        sessions.clear();
        if (client != null) {
            client.close();
            client = null;
        }
    }

    @Test
    @Order(1)
    void aColleagueInTheDirectoryIsNamedWithTitleAndDepartment() throws Exception {
        Address alice = person("alice");
        Address bob = person("bob");
        signInWithPhoneLine(alice);
        Caller bobs = colleague(bob);

        Call dialled = bobs.calls.dial(alice);

        String popup = "Incoming call — " + bob;
        await().atMost(WAIT).until(() -> fx(() -> windowIfShowing(popup).isPresent()));
        await("the directory names the caller").atMost(WAIT).untilAsserted(() -> {
            assertThat(labelText(popup, "#incoming-caller")).isEqualTo("Bob Brown");
            assertThat(labelText(popup, "#incoming-caller-role")).isEqualTo("Software Engineer, Engineering");
        });
        assertThat(shownIn(popup, "#incoming-caller-role")).isTrue();
        assertThat(shownTexts(popup)).as("the raw identity stays shown below the name").contains(bob.toString());

        robot.clickOn(nodeIn(popup, "#incoming-decline"));
        await().atMost(WAIT).until(() -> bobs.ended(dialled.id()).isPresent());
        assertThat(bobs.ended(dialled.id())).contains(CallEndReason.DECLINED);
        await().atMost(WAIT).until(() -> fx(() -> windowIfShowing(popup).isEmpty()));
    }

    /**
     * A desk phone registers with an account named by its extension (the demo's desk lines: 1002 is
     * bob's): its calls come from {@code 1002@domain}, which is nobody's address in the directory,
     * but bob's work number.
     */
    @Test
    @Order(2)
    void aCallFromADeskExtensionNamesWhoseDeskItIs() throws Exception {
        Address carol = person("carol");
        Address extension = SERVER.register("1002", "pw-1002");
        signInWithPhoneLine(carol);
        Caller desk = caller(extension, "pw-1002", true);

        Call dialled = desk.calls.dial(carol);

        String popup = "Incoming call — " + extension;
        await().atMost(WAIT).until(() -> fx(() -> windowIfShowing(popup).isPresent()));
        await("the directory names the extension's owner").atMost(WAIT).untilAsserted(() -> {
            assertThat(labelText(popup, "#incoming-caller")).isEqualTo("Bob Brown");
            assertThat(labelText(popup, "#incoming-caller-role")).isEqualTo("Software Engineer, Engineering");
        });
        assertThat(shownTexts(popup)).contains(extension.toString());

        robot.clickOn(nodeIn(popup, "#incoming-decline"));
        await().atMost(WAIT).until(() -> desk.ended(dialled.id()).isPresent());
        assertThat(desk.ended(dialled.id())).contains(CallEndReason.DECLINED);
    }

    /**
     * A call from the phone network, as a PSTN gateway hands it over: From is the caller's E.164
     * number at the gateway (a domain the server does not serve, so no digest is asked for), and
     * the number is maya's mobile in the directory, spelt there with spaces.
     */
    @Test
    @Order(3)
    void aCallFromAMobileNumberInTheDirectoryNamesItsOwner() throws Exception {
        assertThat(mobileOf("maya")).as("the demo directory's data this test relies on").isEqualTo("+44 7700 900108");
        Address dave = person("dave");
        Address mobile = Address.of("+447700900108", PSTN_GATEWAY);
        signInWithPhoneLine(dave);
        Caller gateway = caller(mobile, "unused", false);

        Call dialled = gateway.calls.dial(dave);

        String popup = "Incoming call — " + mobile;
        await().atMost(WAIT).until(() -> fx(() -> windowIfShowing(popup).isPresent()));
        await("the directory names the mobile's owner").atMost(WAIT).untilAsserted(() -> {
            assertThat(labelText(popup, "#incoming-caller")).isEqualTo("Maya Patel");
            assertThat(labelText(popup, "#incoming-caller-role")).isEqualTo("Product Manager, Engineering");
        });
        assertThat(shownTexts(popup)).contains(mobile.toString());

        robot.clickOn(nodeIn(popup, "#incoming-decline"));
        await().atMost(WAIT).until(() -> gateway.ended(dialled.id()).isPresent());
        assertThat(gateway.ended(dialled.id())).contains(CallEndReason.DECLINED);
    }

    @Test
    @Order(4)
    void callersTheDirectoryDoesNotKnowRingAsTheyAreAndCanBeAnswered() throws Exception {
        Address erin = person("erin");
        Address guest = SERVER.register("guest", "pw-guest");   // an account of the server's own, in no directory
        signInWithPhoneLine(erin);
        Caller guests = caller(guest, "pw-guest", true);

        Call fromGuest = guests.calls.dial(erin);

        String popup = "Incoming call — " + guest;
        await().atMost(WAIT).until(() -> fx(() -> windowIfShowing(popup).isPresent()));
        assertUnidentified(popup, guest);

        robot.clickOn(nodeIn(popup, "#incoming-answer"));
        await().atMost(WAIT).until(() -> guests.state(fromGuest.id()) == CallState.CONNECTED);
        String window = "Call — " + guest;
        await().atMost(WAIT).until(() -> labelText(window, "#call-state").equals("Connected"));
        guests.calls.hangUp(fromGuest.id());
        await().atMost(WAIT).until(() -> labelText(window, "#call-state").startsWith("Ended")
                || fx(() -> windowIfShowing(window).isEmpty()));

        // a number from the phone network that nobody in the directory has
        Address stranger = Address.of("+442079460999", PSTN_GATEWAY);
        Caller gateway = caller(stranger, "unused", false);
        Call fromStranger = gateway.calls.dial(erin);
        String strangerPopup = "Incoming call — " + stranger;
        await().atMost(WAIT).until(() -> fx(() -> windowIfShowing(strangerPopup).isPresent()));
        assertUnidentified(strangerPopup, stranger);
        robot.clickOn(nodeIn(strangerPopup, "#incoming-decline"));
        await().atMost(WAIT).until(() -> gateway.ended(fromStranger.id()).isPresent());
        assertThat(gateway.ended(fromStranger.id())).contains(CallEndReason.DECLINED);
    }

    /** Runs last: the directory's stalled operations go on for a while after the test. */
    @Test
    @Order(5)
    void aDirectoryThatStopsAnsweringLeavesTheCallRingingWithTheCallerAsTheyAre() throws Exception {
        Address frank = person("frank");
        Address bob = person("bob");
        signInWithPhoneLine(frank);
        Caller bobs = colleague(bob);
        InMemoryDirectoryServer directory = SERVER.server().directory().orElseThrow().embedded().orElseThrow().server();
        directory.setProcessingDelayMillis(Duration.ofSeconds(25).toMillis());   // longer than the client waits
        try {
            Call dialled = bobs.calls.dial(frank);

            String popup = "Incoming call — " + bob;
            // the window does not wait for the directory: it rings at once, as it would without one
            await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> windowIfShowing(popup).isPresent()));
            long before = System.nanoTime();
            String shown = labelText(popup, "#incoming-caller");
            assertThat(Duration.ofNanos(System.nanoTime() - before)).as("the UI thread answers at once")
                    .isLessThan(Duration.ofSeconds(1));
            assertThat(shown).isEqualTo(bob.toString());
            assertThat(shownIn(popup, "#incoming-caller-role")).isFalse();
            assertThat(bobs.state(dialled.id())).isEqualTo(CallState.RINGING);

            robot.clickOn(nodeIn(popup, "#incoming-decline"));
            await().atMost(WAIT).until(() -> bobs.ended(dialled.id()).isPresent());
            assertThat(bobs.ended(dialled.id())).contains(CallEndReason.DECLINED);
            await().atMost(WAIT).until(() -> fx(() -> windowIfShowing(popup).isEmpty()));
        } finally {
            directory.setProcessingDelayMillis(0);
        }
    }

    // ---- the client and the callers ---------------------------------------------------------

    private static Address person(String username) {
        return Address.of(username, SERVER.domain());
    }

    /**
     * The client as the demo starts it, for a directory user: XMPP with the directory password, the
     * phone line at the server's SIP port; returns once the directory is found and calls can ring.
     */
    private void signInWithPhoneLine(Address user) throws Exception {
        LaunchOptions options = LaunchOptions.parse("--server", serverText(), "--user", user.toString(),
                "--trust-fingerprint", SERVER.certificateFingerprint(), "--password-env", "SWITCHBOARD_TEST_PASSWORD",
                "--auto-sign-in", "--phone-proxy", "127.0.0.1:" + SERVER.sipPort());
        client = ComposedClient.launch(home, options, Map.of("SWITCHBOARD_TEST_PASSWORD", DemoDirectory.PASSWORD));
        awaitMainWindow(user);
        await().atMost(WAIT).until(() -> fx(() -> "Search the company directory"
                .equals(robot.lookup("#directory-search").queryTextInputControl().getPromptText())));
        await().atMost(WAIT).until(() -> fx(() -> robot.lookup("#dial-box").<TextInputControl>query().getPromptText())
                .equals("Call a name, address or number"));
    }

    /**
     * A directory colleague's SIP phone. Their digest credentials come from an XMPP sign-in with the
     * directory password (ADR 0029), so they sign in over XMPP first, as the client would.
     */
    private Caller colleague(Address who) throws Exception {
        sessions.add(Peer.signedIn(SERVER, who, DemoDirectory.PASSWORD));
        return caller(who, DemoDirectory.PASSWORD, true);
    }

    private Caller caller(Address who, String password, boolean register) throws Exception {
        if (callerMedia == null) {
            callerMedia = MediaEngine.start(new MediaSettings(new RtpPortRange(48400, 48499), media));
        }
        Caller caller = new Caller(who, password, register, callerMedia);
        callers.add(caller);
        return caller;
    }

    /** A SIP user agent through the server's proxy with a softphone that sends a tone. */
    private static final class Caller {
        final SipUserAgent agent;
        final SoftphoneCalls calls;
        final Map<String, Call> sees = new ConcurrentHashMap<>();

        Caller(Address who, String password, boolean register, MediaEngine media) throws Exception {
            SipAccount account = SipAccount.of(who, password, new SipProxy("127.0.0.1", SERVER.sipPort(),
                    SipTransport.UDP));
            agent = SipUserAgent.start(new SipStackFactory(), account, SipUserAgentSettings.defaults());
            if (register) {
                agent.registration().register().get(10, TimeUnit.SECONDS);
            }
            RecordingSink hears = new RecordingSink(10);
            calls = new SoftphoneCalls(agent.calls(), media,
                    (engine, local) -> engine.openAudio(local, new ToneSource(600, 0.3), hears),
                    AudioCapabilities.defaults(), LOOPBACK, Clock.systemUTC(), Runnable::run);
            calls.addListener(new CallService.CallListener() {
                @Override
                public void callChanged(Call call) {
                    sees.put(call.id(), call);
                }
            });
        }

        CallState state(String id) {
            Call call = sees.get(id);
            return call == null ? null : call.state();
        }

        /** Why the call ended, once it has. */
        Optional<CallEndReason> ended(String id) {
            Call call = sees.get(id);
            return call == null || call.state() != CallState.ENDED ? Optional.empty()
                    : Optional.of(call.end().orElse(CallEndReason.FAILED));
        }

        void close() {
            calls.close();
            agent.close();
        }
    }

    // ---- the incoming-call window, as the user sees it --------------------------------------

    /**
     * The window shows {@code caller} as they are, and goes on doing so once the directory had time
     * to answer (an identified caller is named within a few hundred milliseconds here), with no error.
     */
    private void assertUnidentified(String popup, Address caller) {
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(labelText(popup, "#incoming-caller")).isEqualTo(caller.toString());
            assertThat(shownIn(popup, "#incoming-caller-role")).isFalse();
        });
        assertThat(fx(() -> window(popup).getScene().getRoot().lookupAll(".danger").stream()
                .filter(n -> n instanceof Label).map(n -> ((Label) n).getText()).filter(t -> !t.isEmpty()).toList()))
                .as("no error in the window").isEmpty();
    }

    private boolean shownIn(String window, String id) {
        return fx(() -> shown(window(window).getScene().getRoot().lookup(id)));
    }

    /** The texts of the labels shown in the window titled {@code title}. */
    private List<String> shownTexts(String title) {
        return fx(() -> {
            Stage stage = window(title);
            List<String> texts = new ArrayList<>();
            for (Node n : stage.getScene().getRoot().lookupAll(".label")) {
                if (n instanceof Label label && shown(label)) {
                    texts.add(label.getText());
                }
            }
            return texts;
        });
    }

    private String mobileOf(String username) {
        DemoPeople people = new DemoPeople(SERVER.domain(), "ou=people");
        Entry entry = people.entries().stream().filter(e -> e.getDN().equals(people.dnOf(username))).findFirst()
                .orElseThrow();
        return entry.getAttributeValue("mobile");
    }
}
