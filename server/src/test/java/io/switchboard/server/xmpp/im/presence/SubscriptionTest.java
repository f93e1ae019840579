package io.switchboard.server.xmpp.im.presence;

import io.switchboard.core.model.SubscriptionState;
import io.switchboard.server.store.RosterItem;
import io.switchboard.server.xmpp.im.ImHarness;
import io.switchboard.server.xmpp.im.Namespaces;
import io.switchboard.server.xmpp.im.RecordingSession;
import io.switchboard.server.xmpp.xml.XmlElement;

import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.switchboard.server.xmpp.im.ImHarness.address;
import static io.switchboard.server.xmpp.im.ImHarness.errorCondition;
import static org.assertj.core.api.Assertions.assertThat;

/** Presence subscriptions between local users (RFC 6121 §3, Appendix A), after the RFC's examples. */
class SubscriptionTest {

    private final ImHarness im = new ImHarness();

    @BeforeEach
    void accounts() throws Exception {
        im.accounts("juliet", "romeo", "nurse");
    }

    @Test
    void fullHandshakeWithTheContactOfflineAcrossARestart() throws Exception {
        RecordingSession orchard = im.online("romeo", "orchard");

        // §3.1.1: the user requests a subscription while the contact is offline
        im.send(orchard, "<presence id='xk3h1v69' to='juliet@example.com' type='subscribe'/>");
        XmlElement push = orchard.next();
        assertThat(pushedItem(push).attr("jid")).isEqualTo("juliet@example.com");
        assertThat(pushedItem(push).attr("subscription")).isEqualTo("none");
        assertThat(pushedItem(push).attr("ask")).isEqualTo("subscribe");
        orchard.assertNothingReceived();
        assertThat(im.rosters.pendingIn("juliet")).extracting(p -> p.from()).containsExactly(address("romeo"));

        // the server restarts; the request survives in the store
        im.restart();
        orchard = im.online("romeo", "orchard");
        RecordingSession balcony = im.connect("juliet", "balcony");
        im.send(balcony, "<iq type='get' id='r1'><query xmlns='jabber:iq:roster'/></iq>");
        balcony.drain();
        im.send(balcony, "<presence/>");
        List<XmlElement> requests = balcony.drain(type("subscribe"));
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).attr("from")).isEqualTo("romeo@example.com");
        assertThat(requests.get(0).attr("to")).isEqualTo("juliet@example.com");
        assertThat(requests.get(0).attr("id")).isEqualTo("xk3h1v69");

        // §3.1.5: the contact approves
        im.send(balcony, "<presence id='h4v1c4kj' to='romeo@example.com' type='subscribed'/>");
        List<XmlElement> atBalcony = balcony.drain();
        assertThat(atBalcony).hasSize(1);
        assertThat(pushedItem(atBalcony.get(0)).attr("subscription")).isEqualTo("from");

        List<XmlElement> atOrchard = orchard.drain();
        assertThat(atOrchard).hasSize(3);
        assertThat(pushedItem(atOrchard.get(0)).attr("subscription")).isEqualTo("to");
        assertThat(pushedItem(atOrchard.get(0)).attr("ask")).isNull();
        assertThat(atOrchard.get(1).attr("type")).isEqualTo("subscribed");
        assertThat(atOrchard.get(1).attr("from")).isEqualTo("juliet@example.com");
        assertThat(atOrchard.get(2).attr("type")).as("juliet's presence, at once").isNull();
        assertThat(atOrchard.get(2).attr("from")).isEqualTo("juliet@example.com/balcony");

        assertThat(im.rosters.pendingIn("juliet")).isEmpty();
        assertThat(im.item("romeo", "juliet")).get().extracting(RosterItem::subscription).isEqualTo(SubscriptionState.TO);
        assertThat(im.item("juliet", "romeo")).get().extracting(RosterItem::subscription).isEqualTo(SubscriptionState.FROM);

        // §3.1 again the other way: juliet subscribes to romeo, who is online and approves → both
        im.send(balcony, "<presence id='b1' to='romeo@example.com' type='subscribe'/>");
        assertThat(orchard.drain(type("subscribe"))).hasSize(1);
        im.send(orchard, "<presence id='b2' to='juliet@example.com' type='subscribed'/>");
        assertThat(im.item("romeo", "juliet")).get().extracting(RosterItem::subscription).isEqualTo(SubscriptionState.BOTH);
        assertThat(im.item("juliet", "romeo")).get().extracting(RosterItem::subscription).isEqualTo(SubscriptionState.BOTH);
        List<XmlElement> julietGot = balcony.drain();
        assertThat(julietGot).filteredOn(type("subscribed")).hasSize(1);
        assertThat(julietGot).filteredOn(p -> p.name().equals("presence") && p.attr("type") == null)
                .extracting(p -> p.attr("from")).containsExactly("romeo@example.com/orchard");
    }

    @Test
    void requestToAnOnlineContactIsDeliveredAtOnce() {
        RecordingSession orchard = im.online("romeo", "orchard");
        RecordingSession balcony = im.online("juliet", "balcony");
        RecordingSession notYetAvailable = im.connect("juliet", "phone");

        im.send(orchard, "<presence to='juliet@example.com' type='subscribe'><status>Hi!</status></presence>");

        XmlElement request = balcony.drain(type("subscribe")).get(0);
        assertThat(request.childText("status")).contains("Hi!");
        notYetAvailable.assertNothingReceived();
    }

    @Test
    void denyingTheRequestClearsItOnBothSides() throws Exception {
        RecordingSession orchard = im.online("romeo", "orchard");
        RecordingSession balcony = im.online("juliet", "balcony");
        im.send(orchard, "<presence to='juliet@example.com' type='subscribe'/>");
        orchard.drain();
        balcony.drain();

        im.send(balcony, "<presence to='romeo@example.com' type='unsubscribed'/>");

        List<XmlElement> atOrchard = orchard.drain();
        assertThat(pushedItem(atOrchard.get(0)).attr("ask")).isNull();
        assertThat(atOrchard.get(1).attr("type")).isEqualTo("unsubscribed");
        assertThat(im.item("romeo", "juliet")).get().satisfies(i -> {
            assertThat(i.subscription()).isEqualTo(SubscriptionState.NONE);
            assertThat(i.askSubscribe()).isFalse();
        });
        assertThat(im.rosters.pendingIn("juliet")).isEmpty();
    }

    @Test
    void subscribingAgainWhenAlreadySubscribedIsAnsweredByTheServer() throws Exception {
        im.friends("romeo", "juliet");
        RecordingSession balcony = im.online("juliet", "balcony");
        RecordingSession orchard = im.online("romeo", "orchard");
        balcony.drain();

        im.send(orchard, "<presence to='juliet@example.com' type='subscribe'/>");

        balcony.assertNothingReceived();
        assertThat(im.rosters.pendingIn("juliet")).isEmpty();
        assertThat(orchard.drain()).filteredOn(p -> p.name().equals("presence"))
                .extracting(p -> p.attr("from")).containsExactly("juliet@example.com/balcony");
    }

    @Test
    void preApprovedRequestIsAcceptedWithoutAskingTheContact() throws Exception {
        RecordingSession balcony = im.online("juliet", "balcony");
        RecordingSession orchard = im.online("romeo", "orchard");

        im.send(balcony, "<presence to='romeo@example.com' type='subscribed'/>"); // §3.4 pre-approval
        assertThat(pushedItem(balcony.next()).attr("approved")).isEqualTo("true");
        orchard.assertNothingReceived();

        im.send(orchard, "<presence to='juliet@example.com' type='subscribe'/>");

        assertThat(balcony.drain(type("subscribe"))).isEmpty();
        assertThat(im.item("juliet", "romeo")).get().satisfies(i -> {
            assertThat(i.subscription()).isEqualTo(SubscriptionState.FROM);
            assertThat(i.preApproved()).isFalse();
        });
        assertThat(im.item("romeo", "juliet")).get().extracting(RosterItem::subscription).isEqualTo(SubscriptionState.TO);
        List<XmlElement> atOrchard = orchard.drain();
        assertThat(atOrchard).filteredOn(type("subscribed")).hasSize(1);
        assertThat(atOrchard).filteredOn(p -> p.name().equals("presence") && p.attr("type") == null).hasSize(1);
    }

    @Test
    void unsubscribeStopsTheUsersViewOfTheContact() throws Exception {
        im.friends("romeo", "juliet");
        RecordingSession balcony = im.online("juliet", "balcony");
        RecordingSession orchard = im.online("romeo", "orchard");
        balcony.drain();

        im.send(orchard, "<presence to='juliet@example.com' type='unsubscribe'/>");

        assertThat(im.item("romeo", "juliet")).get().extracting(RosterItem::subscription).isEqualTo(SubscriptionState.FROM);
        assertThat(im.item("juliet", "romeo")).get().extracting(RosterItem::subscription).isEqualTo(SubscriptionState.TO);
        assertThat(balcony.drain(type("unsubscribe"))).hasSize(1);
        assertThat(orchard.drain(type("unavailable"))).extracting(p -> p.attr("from"))
                .containsExactly("juliet@example.com/balcony");
    }

    @Test
    void unsubscribedCancelsTheContactsSubscription() throws Exception {
        im.friends("romeo", "juliet");
        RecordingSession balcony = im.online("juliet", "balcony");
        RecordingSession orchard = im.online("romeo", "orchard");
        balcony.drain();

        im.send(balcony, "<presence to='romeo@example.com' type='unsubscribed'/>");

        assertThat(im.item("juliet", "romeo")).get().extracting(RosterItem::subscription).isEqualTo(SubscriptionState.TO);
        assertThat(im.item("romeo", "juliet")).get().extracting(RosterItem::subscription).isEqualTo(SubscriptionState.FROM);
        List<XmlElement> atOrchard = orchard.drain();
        assertThat(atOrchard).filteredOn(type("unavailable")).extracting(p -> p.attr("from"))
                .containsExactly("juliet@example.com/balcony");
        assertThat(atOrchard).filteredOn(type("unsubscribed")).hasSize(1);

        // juliet's later presence no longer reaches romeo
        im.send(balcony, "<presence><show>away</show></presence>");
        orchard.assertNothingReceived();
    }

    @Test
    void removingARosterItemCancelsBothWays() throws Exception {
        im.friends("romeo", "juliet");
        RecordingSession balcony = im.online("juliet", "balcony");
        RecordingSession orchard = im.online("romeo", "orchard");
        balcony.drain();

        im.send(balcony, "<iq id='rm' type='set'><query xmlns='jabber:iq:roster'><item jid='romeo@example.com' subscription='remove'/></query></iq>");

        assertThat(im.item("juliet", "romeo")).isEmpty();
        assertThat(im.item("romeo", "juliet")).get().extracting(RosterItem::subscription).isEqualTo(SubscriptionState.NONE);
        List<XmlElement> atOrchard = orchard.drain();
        assertThat(atOrchard).filteredOn(type("unsubscribe")).hasSize(1);
        assertThat(atOrchard).filteredOn(type("unsubscribed")).hasSize(1);
        assertThat(atOrchard).filteredOn(type("unavailable")).extracting(p -> p.attr("from"))
                .contains("juliet@example.com/balcony");
    }

    @Test
    void removingAContactWhoseRequestIsPendingDropsTheRequest() throws Exception {
        RecordingSession orchard = im.online("romeo", "orchard");
        RecordingSession balcony = im.online("juliet", "balcony");
        im.send(balcony, "<iq id='a' type='set'><query xmlns='jabber:iq:roster'><item jid='romeo@example.com'/></query></iq>");
        im.send(orchard, "<presence to='juliet@example.com' type='subscribe'/>");
        orchard.drain();

        im.send(balcony, "<iq id='rm' type='set'><query xmlns='jabber:iq:roster'><item jid='romeo@example.com' subscription='remove'/></query></iq>");

        assertThat(im.rosters.pendingIn("juliet")).isEmpty();
        assertThat(orchard.drain(type("unsubscribed"))).hasSize(1);
        assertThat(im.item("romeo", "juliet")).get().satisfies(i -> assertThat(i.askSubscribe()).isFalse());
    }

    @Test
    void otherDomainsAreUnreachable() {
        RecordingSession orchard = im.online("romeo", "orchard");
        im.send(orchard, "<presence id='s1' to='juliet@capulet.example' type='subscribe'/>");
        XmlElement error = orchard.next();
        assertThat(errorCondition(error)).isEqualTo("remote-server-not-found");
        assertThat(error.attr("from")).isEqualTo("juliet@capulet.example");
    }

    @Test
    void requestToANonExistentAccountIsAnsweredUnsubscribed() throws Exception {
        RecordingSession orchard = im.online("romeo", "orchard");
        im.send(orchard, "<presence to='ghost@example.com' type='subscribe'/>");

        assertThat(orchard.drain(type("unsubscribed"))).extracting(p -> p.attr("from")).containsExactly("ghost@example.com");
        assertThat(im.item("romeo", "ghost")).get().satisfies(i -> assertThat(i.askSubscribe()).isFalse());
    }

    private static XmlElement pushedItem(XmlElement push) {
        assertThat(push.name()).isEqualTo("iq");
        assertThat(push.attr("type")).isEqualTo("set");
        return push.child("query", Namespaces.ROSTER).orElseThrow().elements().get(0);
    }

    private static Predicate<XmlElement> type(String type) {
        return e -> e.name().equals("presence") && type.equals(e.attr("type"));
    }

    // --- requests from other protocols (a SIP SUBSCRIBE, ADR 0014 bridge step 5) ---------------

    @Test
    void aForeignWatchRequestIsShownAndKeptLikeAnXmppOneAndAnsweredTheXmppWay() throws Exception {
        RecordingSession balcony = im.online("juliet", "balcony");
        balcony.drain();

        im.router().watcherRequests().requested(address("juliet"), address("romeo"));

        List<XmlElement> shown = balcony.drain(type("subscribe"));
        assertThat(shown).singleElement().satisfies(p -> {
            assertThat(p.attr("from")).isEqualTo("romeo@example.com");
            assertThat(p.attr("to")).isEqualTo("juliet@example.com");
        });
        assertThat(im.rosters.pendingIn("juliet")).extracting(p -> p.from()).containsExactly(address("romeo"));
        assertThat(im.item("romeo", "juliet")).as("the watcher's roster is the other protocol's business").isEmpty();

        // re-sent at the next sign-in, as RFC 6121 §3.1.3 asks for stored requests
        im.disconnect(balcony);
        RecordingSession again = im.connect("juliet", "balcony");
        im.send(again, "<presence/>");
        assertThat(again.drain(type("subscribe"))).singleElement()
                .satisfies(p -> assertThat(p.attr("from")).isEqualTo("romeo@example.com"));

        im.send(again, "<presence to='romeo@example.com' type='subscribed'/>");
        assertThat(im.rosters.pendingIn("juliet")).isEmpty();
        assertThat(im.item("juliet", "romeo")).get().extracting(RosterItem::subscription)
                .isEqualTo(SubscriptionState.FROM);
    }

    @Test
    void aForeignWatchRequestIsNotFiledWhenTheOwnerAlreadyAllowsOrPreApproved() throws Exception {
        im.friends("juliet", "romeo");
        im.router().watcherRequests().requested(address("juliet"), address("romeo"));
        assertThat(im.rosters.pendingIn("juliet")).isEmpty();

        RecordingSession balcony = im.online("juliet", "balcony");
        im.send(balcony, "<presence to='nurse@example.com' type='subscribed'/>"); // §3.4 pre-approval
        balcony.drain();
        im.router().watcherRequests().requested(address("juliet"), address("nurse"));

        assertThat(im.rosters.pendingIn("juliet")).isEmpty();
        assertThat(balcony.drain(type("subscribe"))).isEmpty();
        assertThat(im.item("juliet", "nurse")).get().extracting(RosterItem::subscription)
                .isEqualTo(SubscriptionState.FROM);
    }

    @Test
    void aDeniedForeignRequestLeavesNoPendingRequest() throws Exception {
        RecordingSession balcony = im.online("juliet", "balcony");
        im.router().watcherRequests().requested(address("juliet"), address("romeo"));
        im.send(balcony, "<presence to='romeo@example.com' type='unsubscribed'/>");

        assertThat(im.rosters.pendingIn("juliet")).isEmpty();
        assertThat(im.item("juliet", "romeo").map(RosterItem::subscription).orElse(SubscriptionState.NONE))
                .isEqualTo(SubscriptionState.NONE);
    }
}
