package io.switchboard.e2e.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.ChatMessage;
import io.switchboard.core.model.ChatState;
import io.switchboard.core.model.DeliveryState;
import io.switchboard.core.service.ChatService;
import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.server.store.jdbc.JdbcOfflineMessageStore;
import io.switchboard.sip.client.SipClientSession;
import io.switchboard.sip.message.IsComposing;
import io.switchboard.sip.message.IsComposingCodec;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.xmpp.XmppClientSession;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sip.header.DateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The IM gateway (ADR 0016) through the real in-process server: SIP MESSAGE ↔ XMPP chat both
 * ways, typing both ways, cross-protocol forking, and offline storage shared by both protocols.
 */
class SipXmppChatIT {

    @RegisterExtension
    static final BundledServerFixture SERVER = new BundledServerFixture();

    private static final Duration WAIT = Duration.ofSeconds(15);
    @RegisterExtension
    final ServerUsers users = new ServerUsers(SERVER);
    private final IsComposingCodec codec = new IsComposingCodec();

    @Test
    void aSipMessageReachesTheXmppUserAndTheReplyReachesTheSipPhone() throws Exception {
        String alice = users.newUser("alice");
        String bob = users.newUser("bob");
        XmppClientSession aliceDesktop = users.xmpp(alice);
        List<ChatMessage> aliceInbox = inbox(aliceDesktop.chat());
        SipTestUser bobPhone = users.sipAgent(bob);
        assertThat(bobPhone.register(300).getStatusCode()).isEqualTo(Response.OK);

        Response response = bobPhone.send(bobPhone.textMessage(alice, "Grüße from the desk phone 👋"));

        assertThat(response.getStatusCode()).isEqualTo(Response.OK);
        await().atMost(WAIT).until(() -> aliceInbox.size() == 1);
        assertThat(aliceInbox.get(0).peer()).isEqualTo(users.address(bob));
        assertThat(aliceInbox.get(0).body()).isEqualTo("Grüße from the desk phone 👋");
        assertThat(aliceInbox.get(0).device()).isEqualTo("sip:chat");

        // bob is only on SIP: alice's answer goes out as a MESSAGE from the server to his phone
        List<ChatMessage> aliceUpdates = updates(aliceDesktop.chat());
        ChatMessage reply = aliceDesktop.chat().send(users.address(bob), "Hello Bob ✓");
        Request received = bobPhone.next(Request.MESSAGE, WAIT);
        assertThat(received).isNotNull();
        assertThat(new String(received.getRawContent(), StandardCharsets.UTF_8)).isEqualTo("Hello Bob ✓");
        assertThat(SipTestUser.header(received, "Content-Type")).isEqualToIgnoringCase("text/plain;charset=UTF-8");
        assertThat(SipTestUser.header(received, "From")).contains("sip:" + alice + "@" + SERVER.domain());
        assertThat(SipTestUser.header(received, "To")).contains("sip:" + bob + "@" + SERVER.domain());
        // the phone's 200 comes back to the XMPP sender as a delivery receipt
        await().atMost(WAIT).until(() -> aliceUpdates.stream()
                .anyMatch(m -> m.id().equals(reply.id()) && m.delivery() == DeliveryState.DELIVERED));
    }

    @Test
    void typingCrossesTheGatewayBothWays() throws Exception {
        String alice = users.newUser("alice");
        String bob = users.newUser("bob");
        XmppClientSession aliceDesktop = users.xmpp(alice);
        List<ChatState> aliceSees = new CopyOnWriteArrayList<>();
        aliceDesktop.chat().addListener(new ChatService.ChatListener() {
            @Override
            public void chatStateChanged(Address peer, ChatState state) {
                aliceSees.add(state);
            }
        });
        SipTestUser bobPhone = users.sipAgent(bob);
        assertThat(bobPhone.register(300).getStatusCode()).isEqualTo(Response.OK);

        assertThat(bobPhone.send(composing(bobPhone, alice, IsComposing.active(90))).getStatusCode())
                .isEqualTo(Response.OK);
        await().atMost(WAIT).until(() -> aliceSees.contains(ChatState.COMPOSING));
        assertThat(bobPhone.send(composing(bobPhone, alice, IsComposing.idle())).getStatusCode())
                .isEqualTo(Response.OK);
        await().atMost(WAIT).until(() -> aliceSees.contains(ChatState.PAUSED));

        aliceDesktop.chat().sendChatState(users.address(bob), ChatState.COMPOSING);
        Request active = bobPhone.next(Request.MESSAGE, WAIT);
        assertThat(active).isNotNull();
        assertThat(SipTestUser.header(active, "Content-Type")).isEqualToIgnoringCase("application/im-iscomposing+xml");
        assertThat(codec.parse(active.getRawContent()).state()).isEqualTo(IsComposing.State.ACTIVE);

        aliceDesktop.chat().sendChatState(users.address(bob), ChatState.PAUSED);
        Request idle = bobPhone.next(Request.MESSAGE, WAIT);
        assertThat(idle).isNotNull();
        assertThat(codec.parse(idle.getRawContent()).state()).isEqualTo(IsComposing.State.IDLE);
    }

    @Test
    void aUserOnBothProtocolsGetsTheMessageOnBoth() throws Exception {
        String carol = users.newUser("carol");
        String bob = users.newUser("bob");
        XmppClientSession bobDesktop = users.xmpp(bob);
        List<ChatMessage> bobDesktopInbox = inbox(bobDesktop.chat());
        SipTestUser bobPhone = users.sipAgent(bob);
        assertThat(bobPhone.register(300).getStatusCode()).isEqualTo(Response.OK);
        SipTestUser carolPhone = users.sipAgent(carol);

        assertThat(carolPhone.send(carolPhone.textMessage(bob, "meeting moved to 3")).getStatusCode()).isEqualTo(Response.OK);

        await().atMost(WAIT).until(() -> bobDesktopInbox.size() == 1);
        assertThat(bobDesktopInbox.get(0).body()).isEqualTo("meeting moved to 3");
        Request onPhone = bobPhone.next(Request.MESSAGE, WAIT);
        assertThat(onPhone).isNotNull();
        assertThat(new String(onPhone.getRawContent(), StandardCharsets.UTF_8)).isEqualTo("meeting moved to 3");
        assertThat(SipTestUser.header(onPhone, "From")).contains("sip:" + carol + "@");
    }

    @Test
    void aMessageForSomeoneOfflineIsStoredAndDeliveredWhenTheirPhoneRegisters() throws Exception {
        String alice = users.newUser("alice");
        String carol = users.newUser("carol");
        String bob = users.newUser("bob");
        XmppClientSession aliceDesktop = users.xmpp(alice);
        SipTestUser carolPhone = users.sipAgent(carol);

        java.time.Instant before = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        aliceDesktop.chat().send(users.address(bob), "first, over XMPP");
        await().atMost(WAIT).until(() -> offlineCount(bob) == 1);
        // RFC 3428 §7: 202 for a message accepted for later delivery
        assertThat(carolPhone.send(carolPhone.textMessage(bob, "second, over SIP")).getStatusCode())
                .isEqualTo(Response.ACCEPTED);
        assertThat(offlineCount(bob)).isEqualTo(2);
        // typing means nothing hours later: not stored, and nobody was told
        assertThat(carolPhone.send(composing(carolPhone, bob, IsComposing.active(90))).getStatusCode())
                .isEqualTo(Response.TEMPORARILY_UNAVAILABLE);
        assertThat(offlineCount(bob)).isEqualTo(2);
        assertThat(carolPhone.send(carolPhone.textMessage("no-such-user", "anyone?")).getStatusCode())
                .isEqualTo(Response.NOT_FOUND);

        SipTestUser bobPhone = users.sipAgent(bob);
        assertThat(bobPhone.register(300).getStatusCode()).isEqualTo(Response.OK);

        Request first = bobPhone.next(Request.MESSAGE, WAIT);
        Request second = bobPhone.next(Request.MESSAGE, WAIT);
        assertThat(first).isNotNull();
        assertThat(second).isNotNull();
        assertThat(new String(first.getRawContent(), StandardCharsets.UTF_8)).isEqualTo("first, over XMPP");
        assertThat(SipTestUser.header(first, "From")).contains("sip:" + alice + "@");
        assertThat(new String(second.getRawContent(), StandardCharsets.UTF_8)).isEqualTo("second, over SIP");
        assertThat(SipTestUser.header(second, "From")).contains("sip:" + carol + "@");
        // the time it was stored travels as Date (RFC 3261 §20.17)
        assertThat(((DateHeader) first.getHeader(DateHeader.NAME)).getDate().toInstant())
                .isBetween(before.minusSeconds(1), java.time.Instant.now());
        await().atMost(WAIT).until(() -> offlineCount(bob) == 0);
    }

    @Test
    void aMessageNoSipDeviceTakesIsStoredForTheNextSignIn() throws Exception {
        String alice = users.newUser("alice");
        String bob = users.newUser("bob");
        XmppClientSession aliceDesktop = users.xmpp(alice);
        SipTestUser bobPhone = users.sipAgent(bob);
        bobPhone.answerWith(Request.MESSAGE, Response.TEMPORARILY_UNAVAILABLE);
        assertThat(bobPhone.register(300).getStatusCode()).isEqualTo(Response.OK);

        aliceDesktop.chat().send(users.address(bob), "are you at your desk?");
        Request tried = bobPhone.next(Request.MESSAGE, WAIT);
        assertThat(tried).as("the phone was tried").isNotNull();
        // live, not from the offline store (which would add a Date): the gateway routed it there
        assertThat(tried.getHeader(DateHeader.NAME)).isNull();
        await().atMost(WAIT).until(() -> offlineCount(bob) == 1);

        XmppClientSession bobDesktop = users.xmpp(bob);
        // the stored message may arrive while sign-in completes, before a listener could be added:
        // read the conversation, which keeps it either way
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                bobDesktop.chat().conversationWith(users.address(alice)).messages()).singleElement()
                .satisfies(m -> {
                    assertThat(m.body()).isEqualTo("are you at your desk?");
                    assertThat(m.delayed()).isTrue();
                }));
    }

    /** The client side (sip-stack's SipClientSession behind core's ChatService) against the gateway. */
    @Test
    void theSipClientShowsTypingAndDeliveryStatesThroughTheGateway() throws Exception {
        String carol = users.newUser("carol");
        String dave = users.newUser("dave");
        String erin = users.newUser("erin");
        XmppClientSession carolDesktop = users.xmpp(carol);
        List<ChatState> carolSees = chatStates(carolDesktop.chat());
        SipClientSession davePhone = sipClient(dave);
        List<ChatState> daveSees = chatStates(davePhone.chat());
        List<ChatMessage> daveInbox = inbox(davePhone.chat());
        List<ChatMessage> daveUpdates = updates(davePhone.chat());
        davePhone.signIn();

        carolDesktop.chat().sendChatState(users.address(dave), ChatState.COMPOSING);
        await().atMost(WAIT).until(() -> daveSees.contains(ChatState.COMPOSING));
        carolDesktop.chat().send(users.address(dave), "are you coming?");
        await().atMost(WAIT).until(() -> daveInbox.size() == 1);
        assertThat(daveInbox.get(0).peer()).isEqualTo(users.address(carol));
        assertThat(daveInbox.get(0).body()).isEqualTo("are you coming?");
        assertThat(daveInbox.get(0).delayed()).isFalse();

        davePhone.chat().sendChatState(users.address(carol), ChatState.COMPOSING);
        await().atMost(WAIT).until(() -> carolSees.contains(ChatState.COMPOSING));
        davePhone.chat().sendChatState(users.address(carol), ChatState.PAUSED);
        await().atMost(WAIT).until(() -> carolSees.contains(ChatState.PAUSED));

        ChatMessage toCarol = davePhone.chat().send(users.address(carol), "on my way");
        ChatMessage toErin = davePhone.chat().send(users.address(erin), "see you tomorrow");
        ChatMessage toNobody = davePhone.chat().send(Address.of("nobody-here", SERVER.domain()), "hello?");
        await().atMost(WAIT).until(() -> stateOf(daveUpdates, toCarol) == DeliveryState.DELIVERED
                && stateOf(daveUpdates, toErin) == DeliveryState.QUEUED_OFFLINE
                && stateOf(daveUpdates, toNobody) == DeliveryState.FAILED);
        assertThat(daveUpdates).filteredOn(m -> m.id().equals(toNobody.id())).last()
                .satisfies(m -> assertThat(m.error()).startsWith("404"));
    }

    private static DeliveryState stateOf(List<ChatMessage> updates, ChatMessage sent) {
        DeliveryState state = null;
        for (ChatMessage m : updates) {
            if (m.id().equals(sent.id())) {
                state = m.delivery();
            }
        }
        return state;
    }

    private static List<ChatState> chatStates(ChatService chat) {
        List<ChatState> states = new CopyOnWriteArrayList<>();
        chat.addListener(new ChatService.ChatListener() {
            @Override
            public void chatStateChanged(Address peer, ChatState state) {
                states.add(state);
            }
        });
        return states;
    }

    private SipClientSession sipClient(String name) throws Exception {
        return users.sipClient(name, SipTransport.UDP, account -> account);
    }

    private int offlineCount(String user) throws Exception {
        return new JdbcOfflineMessageStore(SERVER.database(), 1000).count(user);
    }

    private Request composing(SipTestUser from, String to, IsComposing indication) throws Exception {
        Request message = from.request(Request.MESSAGE, from.aor(to), from.aor(to));
        message.setContent(codec.write(indication), from.endpoint().headerFactory()
                .createContentTypeHeader(IsComposingCodec.CONTENT_TYPE, IsComposingCodec.CONTENT_SUB_TYPE));
        return message;
    }

    private static List<ChatMessage> inbox(ChatService chat) {
        List<ChatMessage> inbox = new CopyOnWriteArrayList<>();
        chat.addListener(new ChatService.ChatListener() {
            @Override
            public void messageReceived(ChatMessage message) {
                inbox.add(message);
            }
        });
        return inbox;
    }

    private static List<ChatMessage> updates(ChatService chat) {
        List<ChatMessage> updates = new CopyOnWriteArrayList<>();
        chat.addListener(new ChatService.ChatListener() {
            @Override
            public void messageUpdated(ChatMessage message) {
                updates.add(message);
            }
        });
        return updates;
    }

}
