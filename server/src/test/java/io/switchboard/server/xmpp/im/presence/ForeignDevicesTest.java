package io.switchboard.server.xmpp.im.presence;

import static io.switchboard.server.xmpp.im.ImHarness.address;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.model.Availability;
import io.switchboard.core.model.Capability;
import io.switchboard.core.model.DevicePresence;
import io.switchboard.server.xmpp.im.ImHarness;
import io.switchboard.server.xmpp.im.Namespaces;
import io.switchboard.server.xmpp.im.RecordingSession;
import io.switchboard.server.xmpp.xml.XmlElement;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Devices other protocols feed into the engine (a SIP phone) appear to XMPP contacts as resources. */
class ForeignDevicesTest {

    private final ImHarness im = new ImHarness();

    @BeforeEach
    void accounts() throws Exception {
        im.accounts("juliet", "romeo", "tybalt");
        im.friends("juliet", "romeo");
    }

    private void phone(Availability availability, String note) {
        im.router().presenceEngine().update(address("juliet"), new DevicePresence("sip:deskphone", availability, note,
                0, Set.of(Capability.AUDIO), im.clock.instant()));
    }

    private static List<XmlElement> presences(RecordingSession session) {
        return session.drain().stream().filter(s -> s.name().equals("presence")).toList();
    }

    @Test
    void aSipDeviceIsBroadcastToContactsWhoMaySeeItAndToNobodyElse() {
        RecordingSession romeo = im.online("romeo", "orchard");
        RecordingSession tybalt = im.online("tybalt", "street");

        phone(Availability.ON_THE_PHONE, "on a call");

        assertThat(presences(romeo)).singleElement().satisfies(p -> {
            assertThat(p.attr("from")).isEqualTo("juliet@example.com/sip:deskphone");
            assertThat(p.attr("type")).isNull();
            assertThat(p.childText("show")).contains("dnd");
            assertThat(p.childText("status")).contains("on a call");
            assertThat(p.childText("priority")).contains("-1");
            assertThat(p.child("availability", Namespaces.SWITCHBOARD_PRESENCE).map(XmlElement::text))
                    .contains("on-the-phone");
        });
        assertThat(presences(tybalt)).isEmpty();
    }

    @Test
    void aWatcherComingOnlineLaterLearnsOfTheDeviceAndItsEndIsBroadcastAsUnavailable() {
        phone(Availability.AWAY, "gone to lunch");
        RecordingSession romeo = im.connect("romeo", "orchard");
        im.send(romeo, "<presence/>");

        assertThat(presences(romeo)).anySatisfy(p -> {
            assertThat(p.attr("from")).isEqualTo("juliet@example.com/sip:deskphone");
            assertThat(p.childText("show")).contains("away");
        });

        im.router().presenceEngine().remove(address("juliet"), "sip:deskphone");

        assertThat(presences(romeo)).singleElement().satisfies(p -> {
            assertThat(p.attr("from")).isEqualTo("juliet@example.com/sip:deskphone");
            assertThat(p.attr("type")).isEqualTo("unavailable");
        });
    }

    @Test
    void xmppResourcesAreNotRelayedTwice() {
        RecordingSession romeo = im.online("romeo", "orchard");
        RecordingSession juliet = im.online("juliet", "balcony");
        romeo.drain();

        im.send(juliet, "<presence><show>away</show></presence>");

        assertThat(presences(romeo)).singleElement()
                .satisfies(p -> assertThat(p.attr("from")).isEqualTo("juliet@example.com/balcony"));
    }

    @Test
    void aRegisteredPhoneIsRelayedAsCapabilityOnlyAndNeverSpeaksOverTheChatStatus() {
        RecordingSession juliet = im.online("juliet", "balcony");
        im.send(juliet, "<presence><show>away</show><status>at the ball</status></presence>");
        RecordingSession romeo = im.online("romeo", "orchard");
        presences(romeo);

        im.router().presenceEngine().update(address("juliet"),
                DevicePresence.capabilityOnlyDevice("sip:registered", Set.of(Capability.AUDIO), im.clock.instant()));

        assertThat(presences(romeo)).singleElement().satisfies(p -> {
            assertThat(p.attr("from")).isEqualTo("juliet@example.com/sip:registered");
            assertThat(p.childText("priority")).contains("-1");
            assertThat(p.child("capability-only", Namespaces.SWITCHBOARD_PRESENCE)).isPresent();
        });
        var composed = im.router().presenceEngine().composedPresence(address("juliet"));
        assertThat(composed.availability()).isEqualTo(Availability.AWAY);
        assertThat(composed.note()).isEqualTo("at the ball");
        assertThat(composed.capabilities()).contains(Capability.IM, Capability.AUDIO);
    }
}
