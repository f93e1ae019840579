package io.switchboard.e2e.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.Availability;
import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.sip.client.SipClientSession;
import io.switchboard.sip.stack.SipStackFactory;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.sip.ua.SipUserAgentSettings;
import io.switchboard.xmpp.XmppClientSession;

import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop client signed in with a SIP/SIMPLE account against the bundled server: its buddy
 * list holds an XMPP contact and a SIP contact side by side, each with live presence — the XMPP
 * one's reaches the SIP watcher through the server's one presence engine.
 */
class UiSipClientIT extends UiTestSupport {

    @RegisterExtension
    static final BundledServerFixture SERVER = new BundledServerFixture();

    @TempDir
    Path home;

    private SipClientSession carolSession;

    @Override
    BundledServerFixture server() {
        return SERVER;
    }

    @AfterEach
    void signOutCarol() {
        if (carolSession != null) {
            carolSession.close();
        }
    }

    @Test
    void aSipAccountShowsXmppAndSipContactsInOneBuddyList() throws Exception {
        Address alice = newUser("alice");
        Address bob = newUser("bob");      // signs in over XMPP
        Address carol = newUser("carol");  // signs in over SIP
        Rosters.befriend(SERVER, alice, "Alice", bob, "Bob", "Team");
        Rosters.befriend(SERVER, alice, "Alice", carol, "Carol", "Team");
        XmppClientSession bobSession = peer(bob);
        carolSession = new SipClientSession(new SipStackFactory(),
                SipAccount.of(carol, password(carol), new SipProxy("127.0.0.1", SERVER.sipPort(), SipTransport.TCP)),
                SipUserAgentSettings.defaults(), Clock.systemUTC());
        carolSession.presence().setOwnPresence(Availability.BUSY, "on a deadline");
        carolSession.signIn();

        launchSignedInOverSip(home, alice);
        awaitMainWindow(alice);

        // a SIP account keeps its buddy list itself: alice adds both through the dialog
        addContact(bob);
        addContact(carol);

        awaitRow(bob, "green", "Available");
        awaitRow(carol, "red", "Busy");
        assertThat(row(carol)).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo("Busy · on a deadline"));

        bobSession.presence().setOwnPresence(Availability.AWAY, "back at two");
        awaitRow(bob, "yellow", "Away");
        bobSession.signOut();
        awaitRow(bob, "grey", "Offline");
    }

    @Test
    void aSipAccountAcceptsAWatchRequestWithTheAcceptButton() throws Exception {
        Address alice = newUser("alice");
        Address carol = newUser("carol");  // a SIP watcher alice has not authorised
        launchSignedInOverSip(home, alice);
        awaitMainWindow(alice);

        carolSession = new SipClientSession(new SipStackFactory(),
                SipAccount.of(carol, password(carol), new SipProxy("127.0.0.1", SERVER.sipPort(), SipTransport.TCP)),
                SipUserAgentSettings.defaults(), Clock.systemUTC());
        carolSession.signIn();
        carolSession.contacts().addContact(alice, "Alice", java.util.Set.of());

        // the request arrives over watcher-info; alice answers it in her buddy list (XCAP pres-rules)
        await().atMost(WAIT).until(() -> fx(() -> robot.lookup(".subscription-request .button")
                .match(n -> ("Accept " + carol).equals(n.getAccessibleText())).tryQuery().isPresent()));
        robot.clickOn(robot.lookup(".subscription-request .button")
                .match(n -> ("Accept " + carol).equals(n.getAccessibleText())).<javafx.scene.Node>query());

        await().atMost(WAIT).until(() -> carolSession.contacts().contact(alice)
                .map(c -> c.presence().isOnline()).orElse(false));
        await().atMost(WAIT).until(() -> fx(() -> robot.lookup(".subscription-request").tryQuery().isEmpty()));
    }

    private void addContact(Address contact) {
        robot.clickOn("#buddy-add");
        robot.clickOn("#add-contact-address").write(contact.toString());
        robot.clickOn(dialogButton("Add"));
    }
}
