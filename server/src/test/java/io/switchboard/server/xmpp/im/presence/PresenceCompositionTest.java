package io.switchboard.server.xmpp.im.presence;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.Availability;
import io.switchboard.core.model.Presence;
import io.switchboard.server.xmpp.im.ImHarness;
import io.switchboard.server.xmpp.im.RecordingSession;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.switchboard.server.xmpp.im.ImHarness.address;
import static org.assertj.core.api.Assertions.assertThat;

/** The presence engine composes a user's resources with core's PresenceComposer. */
class PresenceCompositionTest {

    private final ImHarness im = new ImHarness();
    private final Address juliet = address("juliet");

    @BeforeEach
    void accounts() throws Exception {
        im.accounts("juliet");
    }

    private Presence composed() {
        return im.router().presenceEngine().composedPresence(juliet);
    }

    @Test
    void offlineWhenNoResourceIsAvailable() {
        assertThat(composed()).isEqualTo(Presence.OFFLINE);
        im.connect("juliet", "balcony");   // bound but no initial presence yet
        assertThat(composed().availability()).isEqualTo(Availability.OFFLINE);
    }

    @Test
    void theMostCommunicativeResourceSpeaks() {
        RecordingSession balcony = im.online("juliet", "balcony");
        RecordingSession chamber = im.online("juliet", "chamber");
        im.send(balcony, "<presence><show>xa</show><status>asleep</status></presence>");
        im.send(chamber, "<presence><show>chat</show><status>writing letters</status></presence>");

        assertThat(composed().availability()).isEqualTo(Availability.AVAILABLE);
        assertThat(composed().note()).isEqualTo("writing letters");
        assertThat(composed().devices()).hasSize(2);

        im.disconnect(chamber);
        assertThat(composed().availability()).isEqualTo(Availability.AWAY);
        assertThat(composed().note()).isEqualTo("asleep");
        im.disconnect(balcony);
        assertThat(composed().availability()).isEqualTo(Availability.OFFLINE);
    }

    @Test
    void doNotDisturbOnAnyResourceBeatsAvailable() {
        RecordingSession balcony = im.online("juliet", "balcony");
        RecordingSession chamber = im.online("juliet", "chamber");
        im.send(balcony, "<presence/>");
        im.send(chamber, "<presence><show>dnd</show></presence>");
        assertThat(composed().availability()).isEqualTo(Availability.DO_NOT_DISTURB);
    }

    @Test
    void theSwitchboardAvailabilityElementWinsOverShow() {
        RecordingSession balcony = im.online("juliet", "balcony");
        im.send(balcony, """
                <presence><show>dnd</show><status>Weekly sync</status>
                  <availability xmlns='urn:switchboard:presence:0'>in-a-meeting</availability></presence>""");
        assertThat(composed().availability()).isEqualTo(Availability.IN_A_MEETING);
        assertThat(composed().note()).isEqualTo("Weekly sync");
    }

    @Test
    void listenersHearEveryComposedChange() {
        List<Availability> heard = new CopyOnWriteArrayList<>();
        im.router().presenceEngine().addListener((user, presence) -> {
            assertThat(user).isEqualTo(juliet);
            heard.add(presence.availability());
        });
        RecordingSession balcony = im.online("juliet", "balcony");
        im.send(balcony, "<presence><show>away</show></presence>");
        im.disconnect(balcony);

        assertThat(heard).containsExactly(Availability.AVAILABLE, Availability.AWAY, Availability.OFFLINE);
    }

    @Test
    void showValuesMapToAvailability() {
        XmppPresenceMapper mapper = new XmppPresenceMapper();
        assertThat(List.of("", "<show>chat</show>", "<show>away</show>", "<show>xa</show>", "<show>dnd</show>",
                "<availability xmlns='urn:switchboard:presence:0'>out-of-office</availability>",
                "<availability xmlns='urn:switchboard:presence:0'>on-the-phone</availability>",
                "<availability xmlns='urn:switchboard:presence:0'>bogus</availability><show>away</show>"))
                .extracting(child -> mapper.toDevice("r", im.parse("<presence>" + child + "</presence>"), 0,
                        im.clock.instant()).availability())
                .containsExactly(Availability.AVAILABLE, Availability.AVAILABLE, Availability.AWAY, Availability.AWAY,
                        Availability.DO_NOT_DISTURB, Availability.OUT_OF_OFFICE, Availability.ON_THE_PHONE,
                        Availability.AWAY);
    }
}
