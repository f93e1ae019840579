package io.switchboard.server.xmpp.im.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.model.Address;
import io.switchboard.server.xmpp.im.ImHarness;
import io.switchboard.server.xmpp.im.RecordingSession;
import io.switchboard.server.xmpp.xml.XmlElement;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * XMPP routing with a user's devices on another protocol (ADR 0016): they get what no XMPP
 * resource takes, replies to their full JID, and what they cannot take is stored. The other
 * side is a recording stand-in; the router is the real one.
 */
class ForeignMessagingRoutingTest {

    private static final String CHAT = "<message to='%s' type='chat' id='%s'><body>%s</body></message>";

    private final ImHarness im = new ImHarness();
    private final Recording sip = new Recording();

    @BeforeEach
    void setUp() throws Exception {
        im.accounts("juliet", "romeo");
        im.friends("juliet", "romeo");
        im.router().messageRouter().connect(sip);
    }

    @Test
    void anXmppResourceComesFirst() throws Exception {
        RecordingSession balcony = im.online("juliet", "balcony");
        RecordingSession orchard = im.online("romeo", "orchard");
        sip.reachable.add(ImHarness.address("juliet"));
        balcony.drain();

        im.send(orchard, CHAT.formatted("juliet@example.com", "m1", "hello"));

        assertThat(balcony.drain()).hasSize(1);
        assertThat(sip.delivered).isEmpty();
    }

    @Test
    void withoutXmppResourcesTheForeignDevicesGetItAndNothingIsStored() throws Exception {
        RecordingSession orchard = im.online("romeo", "orchard");
        sip.reachable.add(ImHarness.address("juliet"));

        im.send(orchard, CHAT.formatted("juliet@example.com", "m1", "hello"));

        assertThat(sip.delivered).singleElement().satisfies(m -> {
            assertThat(m.attr("from")).isEqualTo("romeo@example.com/orchard");
            assertThat(m.childText("body")).contains("hello");
        });
        assertThat(im.offline.count("juliet")).isZero();
    }

    @Test
    void whatNoForeignDeviceTakesIsStored() throws Exception {
        RecordingSession orchard = im.online("romeo", "orchard");
        sip.reachable.add(ImHarness.address("juliet"));
        sip.takesNothing = true;

        im.send(orchard, CHAT.formatted("juliet@example.com", "m1", "hello"));

        assertThat(im.offline.count("juliet")).isEqualTo(1);
    }

    @Test
    void aReplyToTheSipResourceGoesToSipEvenWhenXmppResourcesAreOnline() throws Exception {
        RecordingSession balcony = im.online("juliet", "balcony");
        RecordingSession orchard = im.online("romeo", "orchard");
        sip.reachable.add(ImHarness.address("juliet"));
        balcony.drain();

        im.send(orchard, CHAT.formatted("juliet@example.com/sip:chat", "m1", "back to your phone"));

        assertThat(sip.delivered).hasSize(1);
        balcony.assertNothingReceived();
    }

    @Test
    void aForeignSendersMessageForksByTheBareJidRule() throws Exception {
        RecordingSession balcony = im.online("juliet", "balcony");
        RecordingSession chamber = im.online("juliet", "chamber");
        RecordingSession hidden = im.connect("juliet", "hidden");
        im.send(hidden, "<presence><priority>-1</priority></presence>");
        balcony.drain();
        chamber.drain();
        hidden.drain();
        XmlElement fromSip = im.parse("<message xmlns='jabber:client' from='romeo@example.com/sip:chat' "
                + "to='juliet@example.com' type='chat'><body>hi</body></message>");

        int taken = im.router().messageRouter().deliverToResources(ImHarness.address("romeo"),
                ImHarness.address("juliet"), fromSip);

        assertThat(taken).isEqualTo(2);
        assertThat(balcony.drain()).hasSize(1);
        assertThat(chamber.drain()).hasSize(1);
        hidden.assertNothingReceived();
    }

    @Test
    void theLastResortPrefersAResourceThatCameOnlineMeanwhile() throws Exception {
        XmlElement fromSip = im.parse("<message xmlns='jabber:client' from='romeo@example.com/sip:chat' "
                + "to='juliet@example.com' type='chat'><body>hi</body></message>");
        MessageRouter router = im.router().messageRouter();

        assertThat(router.deliverOrStore(ImHarness.address("romeo"), ImHarness.address("juliet"), fromSip)).isFalse();
        assertThat(im.offline.count("juliet")).isEqualTo(1);

        RecordingSession balcony = im.online("juliet", "balcony");   // gets the stored one on sign-in
        assertThat(im.offline.count("juliet")).isZero();
        assertThat(router.deliverOrStore(ImHarness.address("romeo"), ImHarness.address("juliet"), fromSip)).isTrue();
        assertThat(balcony.drain()).isNotEmpty();
        assertThat(im.offline.count("juliet")).isZero();
    }

    /** The other protocol's side, recording what it is handed. */
    private static final class Recording implements ForeignMessaging {
        final Set<Address> reachable = new HashSet<>();
        final List<XmlElement> delivered = new CopyOnWriteArrayList<>();
        volatile boolean takesNothing;

        @Override
        public boolean reachable(Address user) {
            return reachable.contains(user);
        }

        @Override
        public void deliver(Address recipient, XmlElement message, Runnable undelivered) {
            delivered.add(message);
            if (takesNothing) {
                undelivered.run();
            }
        }
    }
}
