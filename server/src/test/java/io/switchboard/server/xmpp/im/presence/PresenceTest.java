package io.switchboard.server.xmpp.im.presence;

import io.switchboard.core.model.Availability;
import io.switchboard.server.xmpp.im.ImHarness;
import io.switchboard.server.xmpp.im.RecordingSession;
import io.switchboard.server.xmpp.session.StreamErrorCondition;
import io.switchboard.server.xmpp.xml.XmlElement;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.switchboard.server.xmpp.im.ImHarness.address;
import static io.switchboard.server.xmpp.im.ImHarness.errorCondition;
import static org.assertj.core.api.Assertions.assertThat;

/** Presence broadcast, probes, unavailable and directed presence (RFC 6121 §4). */
class PresenceTest {

    private final ImHarness im = new ImHarness();

    @BeforeEach
    void accounts() throws Exception {
        im.accounts("juliet", "romeo", "nurse", "benvolio");
        im.friends("juliet", "romeo");
    }

    @Test
    void initialPresenceIsBroadcastToSubscribersAndOwnResourcesAndProbesAreAnswered() throws Exception {
        RecordingSession orchard = im.online("romeo", "orchard");
        RecordingSession chamber = im.online("juliet", "chamber");
        orchard.drain();
        RecordingSession balcony = im.connect("juliet", "balcony");

        im.send(balcony, "<presence><show>away</show><status>at the ball</status><priority>5</priority></presence>");

        XmlElement atRomeo = orchard.next();
        assertThat(atRomeo.attr("from")).isEqualTo("juliet@example.com/balcony");
        assertThat(atRomeo.attr("to")).isEqualTo("romeo@example.com");
        assertThat(atRomeo.childText("show")).contains("away");
        assertThat(atRomeo.childText("status")).contains("at the ball");
        assertThat(chamber.drain()).extracting(p -> p.attr("from")).containsExactly("juliet@example.com/balcony");

        List<XmlElement> atBalcony = balcony.drain();
        assertThat(atBalcony).extracting(p -> p.attr("from")).containsExactly(
                "juliet@example.com/balcony",   // her own broadcast (§4.2.2)
                "romeo@example.com/orchard",    // probe answered from the registry
                "juliet@example.com/chamber");  // her other resource
        assertThat(atBalcony).allSatisfy(p -> assertThat(p.attr("to")).isEqualTo("juliet@example.com/balcony"));
    }

    @Test
    void probeOfAnOfflineContactIsAnsweredUnavailable() {
        RecordingSession balcony = im.connect("juliet", "balcony");
        im.send(balcony, "<presence/>");
        List<XmlElement> got = balcony.drain();
        assertThat(got).filteredOn(p -> "unavailable".equals(p.attr("type")))
                .extracting(p -> p.attr("from")).containsExactly("romeo@example.com");
    }

    @Test
    void presenceIsNotBroadcastToContactsWithoutSubscription() throws Exception {
        RecordingSession nurse = im.online("nurse", "kitchen");
        im.send(im.connect("juliet", "balcony"), "<presence/>");
        nurse.assertNothingReceived();
    }

    @Test
    void updatesAreBroadcastAndUnavailableOnDisconnectIsSynthesised() {
        RecordingSession orchard = im.online("romeo", "orchard");
        RecordingSession balcony = im.online("juliet", "balcony");
        orchard.drain();

        im.send(balcony, "<presence><show>dnd</show></presence>");
        assertThat(orchard.next().childText("show")).contains("dnd");

        im.disconnect(balcony);
        XmlElement gone = orchard.next();
        assertThat(gone.attr("type")).isEqualTo("unavailable");
        assertThat(gone.attr("from")).isEqualTo("juliet@example.com/balcony");
        assertThat(im.router().presenceEngine().composedPresence(address("juliet")).availability())
                .isEqualTo(Availability.OFFLINE);
    }

    @Test
    void explicitUnavailableIsBroadcastWithItsStatusAndInitialPresenceCanFollow() {
        RecordingSession orchard = im.online("romeo", "orchard");
        RecordingSession balcony = im.online("juliet", "balcony");
        orchard.drain();

        im.send(balcony, "<presence type='unavailable'><status>gone to bed</status></presence>");
        XmlElement gone = orchard.next();
        assertThat(gone.attr("type")).isEqualTo("unavailable");
        assertThat(gone.childText("status")).contains("gone to bed");

        im.send(balcony, "<presence/>");
        assertThat(orchard.next().attr("type")).isNull();
        assertThat(balcony.drain()).extracting(p -> p.attr("from")).contains("romeo@example.com/orchard");
    }

    @Test
    void directedPresenceIsDeliveredAndRememberedForTheUnavailable() {
        RecordingSession kitchen = im.online("nurse", "kitchen");
        RecordingSession balcony = im.online("juliet", "balcony");
        kitchen.assertNothingReceived();

        im.send(balcony, "<presence to='nurse@example.com'><show>chat</show></presence>");
        XmlElement directed = kitchen.next();
        assertThat(directed.attr("from")).isEqualTo("juliet@example.com/balcony");
        assertThat(directed.childText("show")).contains("chat");

        im.disconnect(balcony);
        XmlElement gone = kitchen.next();
        assertThat(gone.attr("type")).isEqualTo("unavailable");
        assertThat(gone.attr("from")).isEqualTo("juliet@example.com/balcony");
    }

    @Test
    void directedUnavailableForgetsTheTarget() {
        RecordingSession kitchen = im.online("nurse", "kitchen");
        RecordingSession balcony = im.online("juliet", "balcony");
        im.send(balcony, "<presence to='nurse@example.com/kitchen'/>");
        im.send(balcony, "<presence to='nurse@example.com/kitchen' type='unavailable'/>");
        assertThat(kitchen.drain()).hasSize(2);

        im.disconnect(balcony);
        kitchen.assertNothingReceived();
    }

    @Test
    void invalidPresenceIsBadRequest() {
        RecordingSession balcony = im.connect("juliet", "balcony");
        im.send(balcony, "<presence><priority>500</priority></presence>");
        assertThat(errorCondition(balcony.next())).isEqualTo("bad-request");
        im.send(balcony, "<presence><show>sleeping</show></presence>");
        assertThat(errorCondition(balcony.next())).isEqualTo("bad-request");
        im.send(balcony, "<presence type='invisible'/>");
        assertThat(errorCondition(balcony.next())).isEqualTo("bad-request");
    }

    @Test
    void directedPresenceToAnotherDomainIsRemoteServerNotFound() {
        RecordingSession balcony = im.online("juliet", "balcony");
        im.send(balcony, "<presence to='romeo@montague.example'/>");
        assertThat(errorCondition(balcony.next())).isEqualTo("remote-server-not-found");
    }

    @Test
    void aSecondConnectionForTheSameResourceReplacesTheFirst() {
        RecordingSession orchard = im.online("romeo", "orchard");
        RecordingSession first = im.online("juliet", "balcony");
        orchard.drain();

        RecordingSession second = im.connect("juliet", "balcony");

        assertThat(first.closedWith()).isEqualTo(StreamErrorCondition.CONFLICT);
        assertThat(orchard.next().attr("type")).isEqualTo("unavailable");
        im.send(second, "<presence/>");
        assertThat(orchard.next().attr("type")).isNull();

        // the old connection's late events change nothing
        im.send(first, "<presence type='unavailable'/>");
        im.router().sessionClosed(first);
        orchard.assertNothingReceived();
        assertThat(im.router().presenceEngine().composedPresence(address("juliet")).isOnline()).isTrue();
    }
}
