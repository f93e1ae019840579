package io.switchboard.e2e.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.MessageWaiting;
import io.switchboard.core.service.VoicemailService;
import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.server.demo.DemoDirectory;
import io.switchboard.server.sip.presence.EventPackage;
import io.switchboard.server.sip.presence.Subscription;
import io.switchboard.sip.client.SipClientSession;
import io.switchboard.sip.client.SipUserAgent;
import io.switchboard.sip.mwi.MessageCounts;
import io.switchboard.sip.mwi.MessageSummary;
import io.switchboard.sip.mwi.MessageSummaryParser;
import io.switchboard.sip.stack.SipStackFactory;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.sip.ua.SipRejectedException;
import io.switchboard.sip.ua.SipUserAgentSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The voicemail indicator end to end (RFC 3842): a client session signs in to the bundled server,
 * subscribes to its own mailbox and shows its counts; a change of the mailbox on the server reaches
 * it within two seconds; nobody else may subscribe to the mailbox (403); a raw JAIN-SIP agent gets
 * the same summary in a body our parser reads, and an unknown package still gets 489.
 */
class SipMessageWaitingIT {

    @RegisterExtension
    static final BundledServerFixture SERVER = BundledServerFixture.withDemoCompany();

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** "Notified within a second or two": the NOTIFY on a mailbox change is not throttled. */
    private static final Duration CHANGE_WAIT = Duration.ofSeconds(2);

    @RegisterExtension
    final ServerUsers users = new ServerUsers(SERVER);

    @Test
    void aSignedInClientSeesItsMailboxAndEveryChangeWithinTwoSeconds() throws Exception {
        String carol = users.newUser("carol");
        SERVER.server().setVoiceMailbox(carol, 2, 5);
        SipClientSession session = users.sipClient(carol, SipTransport.UDP, account -> account);
        VoicemailService voicemail = session.voicemail().orElseThrow();
        List<MessageWaiting> heard = new CopyOnWriteArrayList<>();
        voicemail.addListener(heard::add);

        session.signIn();

        await().atMost(WAIT).until(() -> voicemail.messageWaiting().newMessages() == 2);
        assertThat(voicemail.messageWaiting()).isEqualTo(new MessageWaiting(true, 2, 5, 0, 0,
                Optional.of("sip:" + carol + "@" + SERVER.domain())));

        SERVER.server().setVoiceMailbox(carol, 0, 7);
        await().atMost(CHANGE_WAIT).until(() -> !voicemail.messageWaiting().waiting());
        assertThat(voicemail.messageWaiting().oldMessages()).isEqualTo(7);

        SERVER.server().setVoiceMailbox(carol, 1, 7);
        await().atMost(CHANGE_WAIT).until(() -> voicemail.messageWaiting().waiting());
        assertThat(heard).extracting(MessageWaiting::newMessages).containsExactly(2, 0, 1);
    }

    @Test
    void theDemoUserAliceHasTwoNewMessagesWaiting() throws Exception {
        SipAccount account = SipAccount.of(Address.of("alice", SERVER.domain()), DemoDirectory.PASSWORD,
                new SipProxy("127.0.0.1", SERVER.sipPort(), SipTransport.TCP));
        SipClientSession alice = users.closeAfter(new SipClientSession(new SipStackFactory(), account,
                SipUserAgentSettings.defaults(), Clock.systemUTC()));

        alice.signIn();

        VoicemailService voicemail = alice.voicemail().orElseThrow();
        await().atMost(WAIT).until(() -> voicemail.messageWaiting().waiting());
        assertThat(voicemail.messageWaiting().newMessages()).isEqualTo(2);
        assertThat(voicemail.messageWaiting().oldMessages()).isEqualTo(1);
    }

    @Test
    void nobodyElseMaySubscribeToSomeonesMailbox() throws Exception {
        String dave = users.newUser("dave");
        String erin = users.newUser("erin");
        SERVER.server().setVoiceMailbox(dave, 3, 0);
        SipUserAgent erinAgent = users.registeredAgent(erin);

        assertThatThrownBy(() -> erinAgent.voicemail().subscribe(users.address(dave)).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(SipRejectedException.class)
                .satisfies(e -> assertThat(((SipRejectedException) e).statusCode()).isEqualTo(Response.FORBIDDEN));
        assertThat(erinAgent.voicemail().summary()).isEmpty();

        // the same with a raw agent that claims nothing: an authenticated erin asking for dave's mailbox
        SipTestUser raw = users.sipAgent(erin);
        assertThat(raw.send(subscribe(raw, dave, "message-summary", 60)).getStatusCode()).isEqualTo(Response.FORBIDDEN);
    }

    @Test
    void aRawAgentGetsAParsableSummaryAndAnUnknownPackageStillGets489() throws Exception {
        String frank = users.newUser("frank");
        SERVER.server().setVoiceMailbox(frank, 4, 8);
        SipTestUser agent = users.sipAgent(frank);

        Response ok = agent.send(subscribe(agent, frank, "message-summary", 60));

        assertThat(ok.getStatusCode()).isEqualTo(Response.OK);
        Request notify = agent.next(Request.NOTIFY, WAIT);
        assertThat(notify).isNotNull();
        assertThat(SipTestUser.header(notify, "Content-Type")).isEqualToIgnoringCase("application/simple-message-summary");
        assertThat(SipTestUser.header(notify, "Subscription-State")).startsWith("active");
        MessageSummary summary = new MessageSummaryParser().parse(notify.getRawContent());
        assertThat(summary.messagesWaiting()).isTrue();
        assertThat(summary.voice()).isEqualTo(MessageCounts.of(4, 8));

        Response unknown = agent.send(subscribe(agent, frank, "conference", 60)); // RFC 4575, not served
        assertThat(unknown.getStatusCode()).isEqualTo(Response.BAD_EVENT);
        List<String> allowed = new ArrayList<>();
        Iterator<?> headers = unknown.getHeaders("Allow-Events");
        headers.forEachRemaining(h -> allowed.add(h.toString()));
        assertThat(allowed).anyMatch(h -> h.contains("message-summary"));
    }

    @Test
    void aMalformedSummaryIsRefusedWith400AndTheSubscriptionCarriesOn() throws Exception {
        String grace = users.newUser("grace");
        SERVER.server().setVoiceMailbox(grace, 1, 0);
        SipClientSession session = users.sipClient(grace, SipTransport.UDP, account -> account);
        VoicemailService voicemail = session.voicemail().orElseThrow();
        session.signIn();
        await().atMost(WAIT).until(() -> voicemail.messageWaiting().newMessages() == 1);
        Subscription subscription = SERVER.server().sipPresenceAgent()
                .subscriptions(grace, EventPackage.MESSAGE_SUMMARY).get(0);

        // a NOTIFY in the subscription's dialog as the server would send it, with a body that is not
        // a summary; its CSeq is taken from the subscription so that the server's next NOTIFY follows it
        SipTestUser forger = users.sipAgent(users.newUser("mallory"));
        Response refused = forger.sendOnce(notifyInDialog(forger, subscription,
                "Voice-Message: 9/9\r\nMessages-Waiting: yes\r\n"));

        assertThat(refused.getStatusCode()).isEqualTo(Response.BAD_REQUEST);
        assertThat(refused.getReasonPhrase()).isEqualTo("Malformed message summary");
        assertThat(voicemail.messageWaiting().newMessages()).isEqualTo(1);
        SERVER.server().setVoiceMailbox(grace, 3, 1);
        await().atMost(CHANGE_WAIT).until(() -> voicemail.messageWaiting().newMessages() == 3);
    }

    private static Request notifyInDialog(SipTestUser sender, Subscription subscription, String body) throws Exception {
        var addresses = sender.endpoint().addressFactory();
        var headers = sender.endpoint().headerFactory();
        Request notify = sender.request(Request.NOTIFY, addresses.createURI(subscription.remoteTarget()),
                addresses.createURI(subscription.watcherUri()), subscription.callId());
        notify.removeHeader("Route");
        notify.setHeader(headers.createFromHeader(addresses.createAddress(addresses.createURI(subscription.presentityUri())),
                subscription.localTag()));
        notify.setHeader(headers.createToHeader(addresses.createAddress(addresses.createURI(subscription.watcherUri())),
                subscription.remoteTag()));
        notify.setHeader(headers.createCSeqHeader(subscription.takeCseq(), Request.NOTIFY));
        sender.withHeader(notify, "Event", "message-summary");
        sender.withHeader(notify, "Subscription-State", "active;expires=600");
        return sender.withBody(notify, "application", "simple-message-summary", body);
    }

    private static Request subscribe(SipTestUser agent, String mailbox, String event, int expires) throws Exception {
        Request subscribe = agent.request(Request.SUBSCRIBE, agent.aor(mailbox), agent.aor(mailbox));
        agent.withHeader(subscribe, "Event", event);
        agent.withHeader(subscribe, "Accept", "application/simple-message-summary");
        subscribe.setHeader(agent.endpoint().headerFactory().createExpiresHeader(expires));
        return subscribe;
    }
}
