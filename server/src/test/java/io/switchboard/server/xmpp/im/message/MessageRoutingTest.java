package io.switchboard.server.xmpp.im.message;

import io.switchboard.server.xmpp.im.ImHarness;
import io.switchboard.server.xmpp.im.Namespaces;
import io.switchboard.server.xmpp.im.RecordingSession;
import io.switchboard.server.xmpp.xml.XmlElement;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.switchboard.server.xmpp.im.ImHarness.errorCondition;
import static io.switchboard.server.xmpp.im.ImHarness.errorType;
import static org.assertj.core.api.Assertions.assertThat;

/** Message routing (RFC 6121 §5, §8.5), forking with session locking, offline storage (XEP-0160). */
class MessageRoutingTest {

    private static final String CHAT = "<message to='%s' type='chat' id='%s'><body>%s</body></message>";

    private ImHarness im = new ImHarness();

    @BeforeEach
    void accounts() throws Exception {
        im.accounts("juliet", "romeo");
        im.friends("juliet", "romeo");
    }

    private static String chat(String to, String id, String body) {
        return CHAT.formatted(to, id, body);
    }

    @Test
    void fullJidReachesThatResourceOnly() {
        RecordingSession balcony = im.online("juliet", "balcony");
        RecordingSession chamber = im.online("juliet", "chamber");
        RecordingSession orchard = im.online("romeo", "orchard");
        balcony.drain();
        chamber.drain();

        im.send(orchard, """
                <message to='juliet@example.com/balcony' type='chat' id='ktx72v49'>
                  <body>Art thou not Romeo, and a Montague?</body>
                  <request xmlns='urn:xmpp:receipts'/><active xmlns='http://jabber.org/protocol/chatstates'/>
                </message>""");

        XmlElement got = balcony.next();
        assertThat(got.attr("from")).isEqualTo("romeo@example.com/orchard");
        assertThat(got.attr("to")).isEqualTo("juliet@example.com/balcony");
        assertThat(got.child("request", "urn:xmpp:receipts")).isPresent();
        assertThat(got.child("active", Namespaces.CHAT_STATES)).isPresent();
        chamber.assertNothingReceived();
    }

    @Test
    void fullJidOfAGoneResourceIsTreatedAsTheBareJid() {
        RecordingSession chamber = im.online("juliet", "chamber");
        RecordingSession orchard = im.online("romeo", "orchard");
        chamber.drain();
        im.send(orchard, chat("juliet@example.com/balcony", "m1", "hello"));
        assertThat(chamber.next().attr("to")).isEqualTo("juliet@example.com/balcony");
    }

    @Test
    void bareJidForksToEveryNonNegativeResourceUntilTheRecipientReplies() {
        RecordingSession balcony = im.online("juliet", "balcony");
        RecordingSession chamber = im.online("juliet", "chamber");
        RecordingSession hidden = im.connect("juliet", "hidden");
        im.send(hidden, "<presence><priority>-1</priority></presence>");
        RecordingSession orchard = im.online("romeo", "orchard");
        balcony.drain();
        chamber.drain();
        hidden.drain();

        im.send(orchard, chat("juliet@example.com", "m1", "Juliet?"));
        assertThat(balcony.drain()).hasSize(1);
        assertThat(chamber.drain()).hasSize(1);
        hidden.assertNothingReceived();

        // juliet answers from the chamber: romeo's next messages go there only
        im.send(chamber, chat("romeo@example.com", "r1", "Here!"));
        assertThat(orchard.next().attr("from")).isEqualTo("juliet@example.com/chamber");
        im.send(orchard, chat("juliet@example.com", "m2", "Come down"));
        assertThat(chamber.drain()).hasSize(1);
        balcony.assertNothingReceived();

        // the locked resource changes presence: unlocked, fork again
        im.send(chamber, "<presence><show>away</show></presence>");
        balcony.drain();
        chamber.drain();
        orchard.drain();
        im.send(orchard, chat("juliet@example.com", "m3", "Still there?"));
        assertThat(balcony.drain()).hasSize(1);
        assertThat(chamber.drain()).hasSize(1);
    }

    @Test
    void sessionLockEndsWhenTheResourceLeavesOrAfterAWhile() {
        RecordingSession balcony = im.online("juliet", "balcony");
        RecordingSession chamber = im.online("juliet", "chamber");
        RecordingSession orchard = im.online("romeo", "orchard");
        im.send(chamber, chat("romeo@example.com", "r1", "Here!"));
        balcony.drain();
        chamber.drain();

        im.clock.advance(Duration.ofHours(1));
        im.send(orchard, chat("juliet@example.com", "m1", "after a while"));
        assertThat(balcony.drain()).hasSize(1);
        assertThat(chamber.drain()).hasSize(1);

        im.send(balcony, chat("romeo@example.com", "r2", "Balcony now"));
        im.disconnect(balcony);
        chamber.drain();
        im.send(orchard, chat("juliet@example.com", "m2", "where?"));
        assertThat(chamber.drain()).hasSize(1);
    }

    @Test
    void offlineMessagesAreStoredWithADelayAndDeliveredOnNextInitialPresence() throws Exception {
        RecordingSession orchard = im.online("romeo", "orchard");
        im.send(orchard, chat("juliet@example.com", "o1", "Wherefore art thou?"));
        im.send(orchard, "<message to='juliet@example.com' type='chat'><composing xmlns='http://jabber.org/protocol/chatstates'/></message>");
        im.send(orchard, "<message to='juliet@example.com' type='headline'><body>news</body></message>");
        orchard.assertNothingReceived();
        assertThat(im.offline.count("juliet")).isEqualTo(1);

        im.restart();
        RecordingSession balcony = im.connect("juliet", "balcony");
        im.send(balcony, "<presence><priority>-1</priority></presence>");
        assertThat(balcony.drain()).filteredOn(e -> e.name().equals("message")).isEmpty();
        im.send(balcony, "<presence><priority>1</priority></presence>");
        assertThat(balcony.drain()).filteredOn(e -> e.name().equals("message")).isEmpty();
        assertThat(im.offline.count("juliet")).as("only initial presence delivers").isEqualTo(1);
        im.send(balcony, "<presence type='unavailable'/>");
        im.clock.advance(Duration.ofMinutes(5));

        im.send(balcony, "<presence/>");

        XmlElement message = balcony.drain().stream().filter(e -> e.name().equals("message")).findFirst().orElseThrow();
        assertThat(message.attr("id")).isEqualTo("o1");
        assertThat(message.attr("from")).isEqualTo("romeo@example.com/orchard");
        assertThat(message.childText("body")).contains("Wherefore art thou?");
        XmlElement delay = message.child("delay", Namespaces.DELAY).orElseThrow();
        assertThat(delay.attr("from")).isEqualTo("example.com");
        assertThat(delay.attr("stamp")).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(im.offline.count("juliet")).isZero();
    }

    @Test
    void fullOfflineQuotaBouncesWithResourceConstraint() {
        im = new ImHarness(Runnable::run, 1);
        accountsAgain();
        RecordingSession orchard = im.online("romeo", "orchard");
        im.send(orchard, chat("juliet@example.com", "o1", "one"));
        im.send(orchard, chat("juliet@example.com", "o2", "two"));
        XmlElement bounce = orchard.next();
        assertThat(bounce.attr("id")).isEqualTo("o2");
        assertThat(errorCondition(bounce)).isEqualTo("resource-constraint");
        assertThat(errorType(bounce)).isEqualTo("wait");
    }

    private void accountsAgain() {
        try {
            accounts();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void errorsFollowRfc6120() {
        RecordingSession orchard = im.online("romeo", "orchard");

        im.send(orchard, chat("nobody@example.com", "e1", "hello?"));
        XmlElement unknown = orchard.next();
        assertThat(errorCondition(unknown)).isEqualTo("service-unavailable");
        assertThat(errorType(unknown)).isEqualTo("cancel");
        assertThat(unknown.attr("type")).isEqualTo("error");
        assertThat(unknown.attr("from")).isEqualTo("nobody@example.com");
        assertThat(unknown.attr("to")).isEqualTo("romeo@example.com/orchard");
        assertThat(unknown.childText("body")).as("original content kept").contains("hello?");

        im.send(orchard, chat("juliet@capulet.example", "e2", "far away"));
        assertThat(errorCondition(orchard.next())).isEqualTo("remote-server-not-found");

        im.send(orchard, "<message to='juliet@example.com' type='groupchat' id='e3'><body>all</body></message>");
        assertThat(errorCondition(orchard.next())).isEqualTo("service-unavailable");

        im.send(orchard, "<message to='nobody@example.com' type='error' id='e4'><body>x</body></message>");
        im.send(orchard, "<message to='juliet@capulet.example' type='error' id='e5'/>");
        orchard.assertNothingReceived();
    }

    @Test
    void malformedAddressIsJidMalformed() {
        RecordingSession orchard = im.online("romeo", "orchard");
        im.send(orchard, "<message to='a@b@c' id='bad'><body>x</body></message>");
        assertThat(errorCondition(orchard.next())).isEqualTo("jid-malformed");
    }
}
