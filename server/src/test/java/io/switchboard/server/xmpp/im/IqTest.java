package io.switchboard.server.xmpp.im;

import io.switchboard.server.xmpp.xml.XmlElement;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.switchboard.server.xmpp.im.ImHarness.errorCondition;
import static org.assertj.core.api.Assertions.assertThat;

/** IQ handling: disco (XEP-0030), ping (XEP-0199), routing and RFC 6120 iq errors. */
class IqTest {

    private final ImHarness im = new ImHarness();

    @BeforeEach
    void accounts() throws Exception {
        im.accounts("juliet", "romeo", "nurse");
        im.friends("juliet", "romeo");
    }

    @Test
    void serverDiscoInfoListsIdentityAndFeatures() {
        RecordingSession balcony = im.online("juliet", "balcony");
        im.send(balcony, "<iq type='get' id='info1' to='example.com'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>");

        XmlElement result = balcony.next();
        assertThat(result.attr("type")).isEqualTo("result");
        assertThat(result.attr("from")).isEqualTo("example.com");
        XmlElement query = result.child("query", Namespaces.DISCO_INFO).orElseThrow();
        XmlElement identity = query.child("identity").orElseThrow();
        assertThat(identity.attr("category")).isEqualTo("server");
        assertThat(identity.attr("type")).isEqualTo("im");
        assertThat(query.elements()).filteredOn(e -> e.name().equals("feature")).extracting(e -> e.attr("var"))
                .contains(Namespaces.DISCO_INFO, Namespaces.DISCO_ITEMS, Namespaces.PING, "msgoffline", Namespaces.ROSTER);
    }

    @Test
    void serverDiscoItemsIsEmptyAndUnknownNodeIsItemNotFound() {
        RecordingSession balcony = im.online("juliet", "balcony");
        im.send(balcony, "<iq type='get' id='i1' to='example.com'><query xmlns='http://jabber.org/protocol/disco#items'/></iq>");
        assertThat(balcony.next().child("query", Namespaces.DISCO_ITEMS).orElseThrow().elements()).isEmpty();
        im.send(balcony, "<iq type='get' id='i2' to='example.com'><query xmlns='http://jabber.org/protocol/disco#info' node='x'/></iq>");
        assertThat(errorCondition(balcony.next())).isEqualTo("item-not-found");
    }

    @Test
    void accountDiscoInfoOnlyForSubscribersAndSelf() {
        RecordingSession balcony = im.online("juliet", "balcony");
        RecordingSession kitchen = im.online("nurse", "kitchen");

        im.send(balcony, "<iq type='get' id='d1' to='romeo@example.com'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>");
        XmlElement identity = balcony.next().child("query", Namespaces.DISCO_INFO).orElseThrow().child("identity").orElseThrow();
        assertThat(identity.attr("category")).isEqualTo("account");
        assertThat(identity.attr("type")).isEqualTo("registered");

        im.send(balcony, "<iq type='get' id='d2' to='juliet@example.com'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>");
        assertThat(balcony.next().attr("type")).isEqualTo("result");

        im.send(kitchen, "<iq type='get' id='d3' to='romeo@example.com'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>");
        assertThat(errorCondition(kitchen.next())).isEqualTo("service-unavailable");
    }

    @Test
    void pingToTheServerIsAnswered() {
        RecordingSession balcony = im.online("juliet", "balcony");
        im.send(balcony, "<iq from='juliet@example.com/balcony' to='example.com' id='c2s1' type='get'><ping xmlns='urn:xmpp:ping'/></iq>");
        XmlElement pong = balcony.next();
        assertThat(pong.attr("type")).isEqualTo("result");
        assertThat(pong.attr("id")).isEqualTo("c2s1");
        assertThat(pong.attr("from")).isEqualTo("example.com");
        assertThat(pong.elements()).isEmpty();
    }

    @Test
    void iqToAFullJidIsRoutedAndTheAnswerComesBack() {
        RecordingSession balcony = im.online("juliet", "balcony");
        RecordingSession orchard = im.online("romeo", "orchard");
        balcony.drain();

        im.send(balcony, "<iq type='get' id='v1' to='romeo@example.com/orchard'><query xmlns='jabber:iq:version'/></iq>");
        XmlElement routed = orchard.next();
        assertThat(routed.attr("from")).isEqualTo("juliet@example.com/balcony");
        assertThat(routed.child("query", "jabber:iq:version")).isPresent();

        im.send(orchard, "<iq type='result' id='v1' to='juliet@example.com/balcony'><query xmlns='jabber:iq:version'><name>Switchboard</name></query></iq>");
        assertThat(balcony.next().attr("from")).isEqualTo("romeo@example.com/orchard");
    }

    @Test
    void iqToAnOfflineResourceOrUnknownNamespaceIsServiceUnavailable() {
        RecordingSession balcony = im.online("juliet", "balcony");
        im.send(balcony, "<iq type='get' id='a' to='romeo@example.com/orchard'><query xmlns='jabber:iq:version'/></iq>");
        assertThat(errorCondition(balcony.next())).isEqualTo("service-unavailable");
        im.send(balcony, "<iq type='get' id='b' to='romeo@example.com'><query xmlns='urn:example:unknown'/></iq>");
        assertThat(errorCondition(balcony.next())).isEqualTo("service-unavailable");
        im.send(balcony, "<iq type='get' id='c' to='example.com'><query xmlns='urn:example:unknown'/></iq>");
        assertThat(errorCondition(balcony.next())).isEqualTo("service-unavailable");
        im.send(balcony, "<iq type='get' id='d' to='example.com'><vCard xmlns='vcard-temp'/></iq>");
        assertThat(errorCondition(balcony.next())).isEqualTo("feature-not-implemented");
        im.send(balcony, "<iq type='get' id='e' to='ghost@example.com'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>");
        assertThat(errorCondition(balcony.next())).isEqualTo("service-unavailable");
        im.send(balcony, "<iq type='get' id='f' to='romeo@montague.example'><ping xmlns='urn:xmpp:ping'/></iq>");
        assertThat(errorCondition(balcony.next())).isEqualTo("remote-server-not-found");
    }

    @Test
    void resultsAndErrorsToTheServerAreIgnored() {
        RecordingSession balcony = im.online("juliet", "balcony");
        im.send(balcony, "<iq type='result' id='push1' to='example.com'/>");
        im.send(balcony, "<iq type='result' id='push2'/>");
        im.send(balcony, "<iq type='error' id='x' to='example.com'><error type='cancel'><bad-request xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
        balcony.assertNothingReceived();
    }

    @Test
    void malformedIqsAreBadRequest() {
        RecordingSession balcony = im.online("juliet", "balcony");
        for (String bad : List.of(
                "<iq type='get' to='example.com'><ping xmlns='urn:xmpp:ping'/></iq>",
                "<iq type='get' id='n' to='example.com'/>",
                "<iq type='set' id='n2' to='example.com'><a xmlns='urn:a'/><b xmlns='urn:b'/></iq>",
                "<iq type='fetch' id='n3' to='example.com'><ping xmlns='urn:xmpp:ping'/></iq>")) {
            im.send(balcony, bad);
            assertThat(errorCondition(balcony.next())).as(bad).isEqualTo("bad-request");
        }
    }
}
