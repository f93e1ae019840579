package io.switchboard.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.server.xmpp.im.Namespaces;
import io.switchboard.server.xmpp.xml.XmlElement;

import org.junit.jupiter.api.Test;

import java.util.Random;

class PresenceRepertoireTest {

    private final PresenceRepertoire frank = new PresenceRepertoire(DemoOrganisation.user("frank").orElseThrow(), new Random(1));

    @Test
    void notesFitThePersonAndPhoneCallsShowDndToPlainClients() {
        assertThat(frank.choices()).extracting(BotPresence::note)
                .contains("Lunch", "1:1 with Henry", "Fixing a production bug", "On a call", "Focus time");
        BotPresence phone = frank.choices().stream().filter(p -> p.availability().equals("on-the-phone")).findFirst()
                .orElseThrow();
        XmlElement stanza = phone.toStanza();
        assertThat(stanza.childText("show")).contains("dnd");
        assertThat(stanza.child("availability", Namespaces.SWITCHBOARD_PRESENCE).orElseThrow().text())
                .isEqualTo("on-the-phone");
        assertThat(stanza.childText("status")).contains("On a call");
    }

    @Test
    void theChiefExecutiveHasABoardMeetingInsteadOfAOneToOne() {
        var grace = new PresenceRepertoire(DemoOrganisation.user("grace").orElseThrow(), new Random(1));
        assertThat(grace.choices()).extracting(BotPresence::note).contains("Board meeting", "Writing the Q3 plan");
    }

    @Test
    void everyChangeIsVisible() {
        BotPresence current = frank.first();
        for (int i = 0; i < 50; i++) {
            BotPresence next = frank.next(current);
            assertThat(next).isNotEqualTo(current);
            current = next;
        }
    }
}
