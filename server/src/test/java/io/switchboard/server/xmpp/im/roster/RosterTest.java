package io.switchboard.server.xmpp.im.roster;

import io.switchboard.core.model.SubscriptionState;
import io.switchboard.server.xmpp.im.ImHarness;
import io.switchboard.server.xmpp.im.Namespaces;
import io.switchboard.server.xmpp.im.RecordingSession;
import io.switchboard.server.xmpp.xml.XmlElement;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.switchboard.server.xmpp.im.ImHarness.errorCondition;
import static org.assertj.core.api.Assertions.assertThat;

/** Roster get, set, push and versioning (RFC 6121 §2), with the RFC's own example data. */
class RosterTest {

    private final ImHarness im = new ImHarness();

    @BeforeEach
    void accounts() throws Exception {
        im.accounts("juliet", "romeo", "nurse", "mercutio");
    }

    @Test
    void getReturnsTheItemsAndTheVersionWhenTheClientSupportsVersioning() throws Exception {
        im.friends("juliet", "romeo");
        RecordingSession balcony = im.connect("juliet", "balcony");

        im.send(balcony, "<iq id='bv1bs71f' type='get'><query xmlns='jabber:iq:roster' ver=''/></iq>");

        XmlElement result = balcony.next();
        assertThat(result.attr("type")).isEqualTo("result");
        assertThat(result.attr("id")).isEqualTo("bv1bs71f");
        assertThat(result.attr("to")).isEqualTo("juliet@example.com/balcony");
        XmlElement query = result.child("query", Namespaces.ROSTER).orElseThrow();
        assertThat(query.attr("ver")).isEqualTo(im.rosters.version("juliet"));
        XmlElement item = query.elements().get(0);
        assertThat(item.attr("jid")).isEqualTo("romeo@example.com");
        assertThat(item.attr("subscription")).isEqualTo("both");
        assertThat(item.attr("name")).isEqualTo("romeo");
        assertThat(item.childText("group")).contains("Friends");
    }

    @Test
    void getWithoutVerAttributeAnswersWithoutVersion() {
        RecordingSession balcony = im.connect("juliet", "balcony");
        im.send(balcony, "<iq id='r1' type='get'><query xmlns='jabber:iq:roster'/></iq>");
        XmlElement query = balcony.next().child("query", Namespaces.ROSTER).orElseThrow();
        assertThat(query.attr("ver")).isNull();
        assertThat(query.elements()).isEmpty();
    }

    @Test
    void getWithTheCurrentVersionAnswersAnEmptyResultAndNothingElse() throws Exception {
        im.friends("juliet", "romeo");
        RecordingSession balcony = im.connect("juliet", "balcony");
        String current = im.rosters.version("juliet");

        im.send(balcony, "<iq id='r1' type='get'><query xmlns='jabber:iq:roster' ver='" + current + "'/></iq>");

        XmlElement result = balcony.next();
        assertThat(result.attr("type")).isEqualTo("result");
        assertThat(result.elements()).isEmpty();
        balcony.assertNothingReceived();
    }

    @Test
    void getWithAnOldVersionAnswersTheFullRoster() throws Exception {
        RecordingSession balcony = im.connect("juliet", "balcony");
        String old = im.rosters.version("juliet");
        im.friends("juliet", "romeo");

        im.send(balcony, "<iq id='r1' type='get'><query xmlns='jabber:iq:roster' ver='" + old + "'/></iq>");

        XmlElement query = balcony.next().child("query", Namespaces.ROSTER).orElseThrow();
        assertThat(query.attr("ver")).isNotEqualTo(old);
        assertThat(query.elements()).hasSize(1);
    }

    @Test
    void setAddsTheItemAndPushesItToInterestedResourcesOnly() throws Exception {
        RecordingSession balcony = im.online("juliet", "balcony");
        RecordingSession chamber = im.online("juliet", "chamber");
        RecordingSession silent = im.connect("juliet", "silent"); // never asked for the roster
        balcony.drain();                                           // chamber's presence

        im.send(balcony, """
                <iq id='ph1xaz53' type='set'><query xmlns='jabber:iq:roster'>
                  <item jid='nurse@example.com' name='Nurse'><group>Servants</group></item>
                </query></iq>""");

        List<XmlElement> atBalcony = balcony.drain();
        assertThat(atBalcony).hasSize(2);
        XmlElement push = atBalcony.get(0);
        assertThat(push.attr("type")).isEqualTo("set");
        assertThat(push.attr("to")).isEqualTo("juliet@example.com/balcony");
        XmlElement pushed = push.child("query", Namespaces.ROSTER).orElseThrow().elements().get(0);
        assertThat(pushed.attr("jid")).isEqualTo("nurse@example.com");
        assertThat(pushed.attr("subscription")).isEqualTo("none");
        assertThat(pushed.attr("name")).isEqualTo("Nurse");
        assertThat(pushed.childText("group")).contains("Servants");
        assertThat(push.child("query", Namespaces.ROSTER).orElseThrow().attr("ver"))
                .isEqualTo(im.rosters.version("juliet"));
        assertThat(atBalcony.get(1).attr("type")).isEqualTo("result");
        assertThat(atBalcony.get(1).attr("id")).isEqualTo("ph1xaz53");

        assertThat(chamber.drain()).hasSize(1).first().satisfies(p -> assertThat(p.attr("type")).isEqualTo("set"));
        silent.assertNothingReceived();
        assertThat(im.item("juliet", "nurse")).get().satisfies(i -> {
            assertThat(i.name()).isEqualTo("Nurse");
            assertThat(i.groups()).containsExactly("Servants");
            assertThat(i.subscription()).isEqualTo(SubscriptionState.NONE);
        });
    }

    @Test
    void setUpdatesNameAndGroupsButNotTheSubscription() throws Exception {
        im.friends("juliet", "romeo");
        RecordingSession balcony = im.online("juliet", "balcony");

        im.send(balcony, """
                <iq id='u1' type='set'><query xmlns='jabber:iq:roster'>
                  <item jid='romeo@example.com' name='Romeo' subscription='none' ask='subscribe'>
                    <group>Friends</group><group>Lovers</group></item>
                </query></iq>""");

        assertThat(im.item("juliet", "romeo")).get().satisfies(i -> {
            assertThat(i.name()).isEqualTo("Romeo");
            assertThat(i.groups()).containsExactlyInAnyOrder("Friends", "Lovers");
            assertThat(i.subscription()).isEqualTo(SubscriptionState.BOTH);
            assertThat(i.askSubscribe()).isFalse();
        });
    }

    @Test
    void removeDeletesTheItemAndPushesSubscriptionRemove() throws Exception {
        RecordingSession balcony = im.online("juliet", "balcony");
        im.send(balcony, "<iq id='a1' type='set'><query xmlns='jabber:iq:roster'><item jid='nurse@example.com'/></query></iq>");
        balcony.drain();

        im.send(balcony, """
                <iq id='hm4hs97y' type='set'><query xmlns='jabber:iq:roster'>
                  <item jid='nurse@example.com' subscription='remove'/></query></iq>""");

        List<XmlElement> got = balcony.drain();
        XmlElement pushed = got.get(0).child("query", Namespaces.ROSTER).orElseThrow().elements().get(0);
        assertThat(pushed.attr("subscription")).isEqualTo("remove");
        assertThat(pushed.attr("jid")).isEqualTo("nurse@example.com");
        assertThat(got.get(1).attr("type")).isEqualTo("result");
        assertThat(im.item("juliet", "nurse")).isEmpty();
    }

    @Test
    void removingAnUnknownItemIsItemNotFound() {
        RecordingSession balcony = im.online("juliet", "balcony");
        im.send(balcony, "<iq id='x' type='set'><query xmlns='jabber:iq:roster'><item jid='nurse@example.com' subscription='remove'/></query></iq>");
        assertThat(errorCondition(balcony.next())).isEqualTo("item-not-found");
    }

    @Test
    void malformedSetsAreRefused() {
        RecordingSession balcony = im.online("juliet", "balcony");

        im.send(balcony, """
                <iq id='two' type='set'><query xmlns='jabber:iq:roster'>
                  <item jid='nurse@example.com'/><item jid='romeo@example.com'/></query></iq>""");
        assertThat(errorCondition(balcony.next())).isEqualTo("bad-request");

        im.send(balcony, "<iq id='nojid' type='set'><query xmlns='jabber:iq:roster'><item name='x'/></query></iq>");
        assertThat(errorCondition(balcony.next())).isEqualTo("bad-request");

        im.send(balcony, "<iq id='badjid' type='set'><query xmlns='jabber:iq:roster'><item jid='a@b@c'/></query></iq>");
        assertThat(errorCondition(balcony.next())).isEqualTo("bad-request");

        im.send(balcony, """
                <iq id='dup' type='set'><query xmlns='jabber:iq:roster'>
                  <item jid='nurse@example.com'><group>A</group><group>A</group></item></query></iq>""");
        XmlElement dup = balcony.next();
        assertThat(errorCondition(dup)).isEqualTo("bad-request");
        assertThat(ImHarness.errorType(dup)).isEqualTo("modify");
        assertThat(dup.child("query", Namespaces.ROSTER)).as("original content kept").isPresent();

        im.send(balcony, """
                <iq id='empty' type='set'><query xmlns='jabber:iq:roster'>
                  <item jid='nurse@example.com'><group></group></item></query></iq>""");
        assertThat(errorCondition(balcony.next())).isEqualTo("not-acceptable");

        assertThat(im.rosters.items("juliet")).isEmpty();
    }

    @Test
    void anotherUsersRosterIsForbidden() {
        RecordingSession balcony = im.online("juliet", "balcony");
        im.send(balcony, "<iq id='spy' type='get' to='romeo@example.com'><query xmlns='jabber:iq:roster'/></iq>");
        XmlElement error = balcony.next();
        assertThat(errorCondition(error)).isEqualTo("forbidden");
        assertThat(error.attr("from")).isEqualTo("romeo@example.com");
        assertThat(error.attr("to")).isEqualTo("juliet@example.com/balcony");

        im.send(balcony, "<iq id='hack' type='set' to='romeo@example.com'><query xmlns='jabber:iq:roster'><item jid='nurse@example.com'/></query></iq>");
        assertThat(errorCondition(balcony.next())).isEqualTo("forbidden");
    }
}
