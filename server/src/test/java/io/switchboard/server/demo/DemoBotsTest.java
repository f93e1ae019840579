package io.switchboard.server.demo;

import static io.switchboard.server.xmpp.im.ImHarness.DOMAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.Availability;
import io.switchboard.core.model.SubscriptionState;
import io.switchboard.server.xmpp.im.ImHarness;
import io.switchboard.server.xmpp.im.Namespaces;
import io.switchboard.server.xmpp.im.RecordingSession;
import io.switchboard.server.xmpp.xml.XmlElement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The demo bots against the real IM layer (in-memory stores, the demo company seeded): they
 * sign in, answer chats, change presence and sign out through the same router paths a network
 * client uses. Time is the {@link ManualScheduler}'s, so nothing waits for real.
 */
class DemoBotsTest {

    private static final String CAROL_BOT = "carol@" + DOMAIN + "/" + DemoBots.RESOURCE;

    private final ImHarness im = new ImHarness();
    private final ManualScheduler scheduler = new ManualScheduler();
    private DemoBots bots;

    @BeforeEach
    void seedAndStart() throws Exception {
        new DemoDirectory(im.users, im.rosters, DOMAIN).seed();
        bots = new DemoBots(DOMAIN, im.router(), scheduler, BotTimings.defaults(), new Random(7));
        bots.start();
        scheduler.runDue();
    }

    @AfterEach
    void stop() {
        bots.close();
    }

    @Test
    void aBotAnswersAChatWithAReceiptThenTypingThenAReplyOnTheSameThread() {
        RecordingSession alice = im.online("alice", "laptop");

        im.send(alice, "<message type='chat' to='carol@example.com' id='m1'>"
                + "<body>Can you send me the Q3 numbers?</body><thread>t-42</thread>"
                + "<request xmlns='urn:xmpp:receipts'/></message>");
        scheduler.runDue();

        List<XmlElement> first = messages(alice);
        assertThat(first).hasSize(2);
        XmlElement receipt = first.get(0);
        assertThat(receipt.attr("from")).isEqualTo(CAROL_BOT);
        assertThat(receipt.child("received", DemoBot.RECEIPTS).orElseThrow().attr("id")).isEqualTo("m1");
        XmlElement typing = first.get(1);
        assertThat(typing.child("composing", Namespaces.CHAT_STATES)).isPresent();
        assertThat(typing.childText("thread")).contains("t-42");
        assertThat(typing.childText("body")).isEmpty();

        scheduler.advance(BotTimings.defaults().typingMax());

        List<XmlElement> reply = messages(alice);
        assertThat(reply).hasSize(1);
        assertThat(reply.get(0).attr("from")).isEqualTo(CAROL_BOT);
        assertThat(reply.get(0).attr("type")).isEqualTo("chat");
        assertThat(reply.get(0).childText("thread")).contains("t-42");
        assertThat(reply.get(0).child("active", Namespaces.CHAT_STATES)).isPresent();
        assertThat(reply.get(0).childText("body").orElseThrow()).contains("Alice").contains("Q3 numbers");
    }

    @Test
    void theReplyWaitsForTheTypingDelay() {
        RecordingSession bob = im.online("bob", "desk");

        im.send(bob, "<message type='chat' to='dave@example.com'><body>hello</body></message>");
        scheduler.advance(BotTimings.defaults().typingMin().minusMillis(1));

        assertThat(messages(bob)).noneMatch(m -> m.childText("body").isPresent());
        scheduler.advance(BotTimings.defaults().typingMax());
        assertThat(messages(bob)).singleElement()
                .satisfies(m -> assertThat(m.childText("body").orElseThrow()).startsWith("Hi Bob"));
    }

    @Test
    void aPresenceChangeReachesAWatcherWithTheRichAvailability() {
        RecordingSession alice = im.connect("alice", "laptop");
        im.send(alice, "<presence/>");
        XmlElement initial = lastPresenceFrom(alice.drain(), CAROL_BOT);

        scheduler.advance(BotTimings.defaults().presenceMax());

        XmlElement changed = presencesFrom(alice.drain(), CAROL_BOT).get(0);
        assertThat(changed.attr("type")).isNull();
        assertThat(state(changed)).isNotEqualTo(state(initial));
        assertThat(changed.child("availability", Namespaces.SWITCHBOARD_PRESENCE)).isPresent();
        assertThat(im.router().presenceEngine().composedPresence(ImHarness.address("carol")).availability())
                .isNotEqualTo(Availability.OFFLINE);
    }

    @Test
    void botsAcceptSubscriptionRequestsFromAnyone() throws Exception {
        im.accounts("zed");
        RecordingSession zed = im.online("zed", "phone");

        im.send(zed, "<presence type='subscribe' to='dave@example.com'/>");
        scheduler.runDue();

        assertThat(im.item("zed", "dave").orElseThrow().subscription()).isEqualTo(SubscriptionState.TO);
        assertThat(zed.drain()).anyMatch(p -> p.name().equals("presence") && p.attr("type") == null
                && p.attr("from").startsWith("dave@example.com/"));
    }

    @Test
    void botsAnswerPingsAndRefuseWhatTheyDoNotSpeak() {
        RecordingSession alice = im.online("alice", "laptop");

        im.send(alice, "<iq type='get' id='p1' to='" + CAROL_BOT + "'><ping xmlns='urn:xmpp:ping'/></iq>");
        im.send(alice, "<iq type='get' id='v1' to='" + CAROL_BOT + "'><query xmlns='jabber:iq:version'/></iq>");
        scheduler.runDue();

        List<XmlElement> answers = alice.drain(s -> s.name().equals("iq"));
        assertThat(answers).extracting(s -> s.attr("id"), s -> s.attr("type"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("p1", "result"),
                        org.assertj.core.groups.Tuple.tuple("v1", "error"));
        assertThat(ImHarness.errorCondition(answers.get(1))).isEqualTo("service-unavailable");
    }

    @Test
    void closingSignsEveryBotOutAndStopsThem() {
        RecordingSession alice = im.online("alice", "laptop");

        bots.close();
        scheduler.runDue();

        List<String> gone = alice.drain(p -> "unavailable".equals(p.attr("type"))).stream()
                .map(p -> p.attr("from")).toList();
        assertThat(gone).containsExactlyInAnyOrderElementsOf(bots.jids().stream().map(Object::toString).toList());
        assertThat(scheduler.pending()).as("presence changes still planned").isZero();

        im.send(alice, "<message type='chat' to='carol@example.com'><body>still there?</body></message>");
        scheduler.advance(Duration.ofMinutes(10));
        alice.assertNothingReceived();
        assertThat(im.router().presenceEngine().composedPresence(ImHarness.address("carol")).availability())
                .isEqualTo(Availability.OFFLINE);
    }

    @Test
    void noBotIsAnAccountPeopleSignInAs() {
        assertThat(DemoBots.USERNAMES).doesNotContain("alice", "bob").hasSize(8)
                .allSatisfy(name -> assertThat(DemoOrganisation.user(name)).isPresent());
        assertThat(DemoOrganisation.contactsOf("alice")).containsAll(DemoBots.USERNAMES);
    }

    /** The same flow with real threads: IM workers from a pool, bots on a real scheduler. */
    @Test
    void aBotAnswersOnRealThreads() throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(4);
        ScheduledExecutorService realScheduler = Executors.newSingleThreadScheduledExecutor();
        ImHarness threaded = new ImHarness(workers, 100);
        new DemoDirectory(threaded.users, threaded.rosters, DOMAIN).seed();
        BotTimings quick = new BotTimings(Duration.ofMillis(20), Duration.ofMillis(50),
                Duration.ofMillis(1), Duration.ofMillis(5));
        DemoBots realBots = new DemoBots(DOMAIN, threaded.router(), realScheduler, quick, new Random());
        try {
            realBots.start();
            RecordingSession alice = threaded.connect("alice", "laptop");
            threaded.send(alice, "<presence/>");
            threaded.send(alice, "<message type='chat' to='erin@example.com' id='r1'><body>Is the build green?</body>"
                    + "<request xmlns='urn:xmpp:receipts'/></message>");

            List<XmlElement> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                seen.addAll(alice.drain());
                assertThat(seen).anyMatch(s -> s.child("received", DemoBot.RECEIPTS).isPresent());
                assertThat(seen).anyMatch(s -> s.childText("body").filter(b -> b.contains("Alice")).isPresent());
                assertThat(seen.stream().filter(s -> s.name().equals("presence")
                        && s.attr("from").startsWith("erin@")).count()).as("erin's presence updates").isGreaterThan(2);
            });
        } finally {
            realBots.close();
            realScheduler.shutdownNow();
            workers.shutdown();
        }
    }

    private static List<XmlElement> messages(RecordingSession session) {
        return session.drain(s -> s.name().equals("message"));
    }

    private static XmlElement lastPresenceFrom(List<XmlElement> stanzas, String from) {
        List<XmlElement> presences = presencesFrom(stanzas, from);
        return presences.get(presences.size() - 1);
    }

    private static List<XmlElement> presencesFrom(List<XmlElement> stanzas, String from) {
        List<XmlElement> presences = stanzas.stream()
                .filter(s -> s.name().equals("presence") && from.equals(s.attr("from"))).toList();
        assertThat(presences).as("presence from %s", from).isNotEmpty();
        return presences;
    }

    private static String state(XmlElement presence) {
        return presence.child("availability", Namespaces.SWITCHBOARD_PRESENCE).map(XmlElement::text).orElse("")
                + "|" + presence.childText("status").orElse("");
    }
}
