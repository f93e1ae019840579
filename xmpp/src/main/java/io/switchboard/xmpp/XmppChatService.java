package io.switchboard.xmpp;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.event.Listeners;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.ChatMessage;
import io.switchboard.core.model.ChatState;
import io.switchboard.core.model.Conversation;
import io.switchboard.core.model.DeliveryState;
import io.switchboard.core.service.ChatService;
import io.switchboard.core.service.PresenceService;
import io.switchboard.core.service.ServiceException;
import io.switchboard.xmpp.internal.Jids;
import io.switchboard.xmpp.internal.ServiceErrors;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.filter.OrFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.chatstates.packet.ChatStateExtension;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.receipts.DeliveryReceiptManager;
import org.jivesoftware.smackx.receipts.DeliveryReceiptRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 1:1 chat over plain message stanzas of type chat: one thread id per conversation, kept and
 * echoed (adopted from the peer when they start); XEP-0085 chat states; XEP-0184 receipts,
 * requested on every message and answered by Smack's {@link DeliveryReceiptManager} for
 * contacts who see my presence; XEP-0203 delay stamps on messages stored while offline.
 */
public final class XmppChatService implements ChatService {

    private static final Logger LOG = LoggerFactory.getLogger(XmppChatService.class);

    private final XMPPConnection connection;
    private final PresenceService presence;
    private final Clock clock;
    private final Listeners<ChatListener> listeners;
    private final Map<Address, Conversation> conversations = new ConcurrentHashMap<>();

    XmppChatService(XMPPConnection connection, PresenceService presence, Clock clock, Executor events) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.presence = Objects.requireNonNull(presence, "presence");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listeners = new Listeners<>(events);
        DeliveryReceiptManager receipts = DeliveryReceiptManager.getInstanceFor(connection);
        // answering only people who see my presence anyway leaks nothing to strangers
        receipts.setAutoReceiptMode(DeliveryReceiptManager.AutoReceiptMode.ifIsSubscribed);
        receipts.addReceiptReceivedListener((from, to, receiptId, receipt) -> delivered(from, receiptId));
        // sync listeners run in stanza order on one Smack thread: messages stay in order
        connection.addSyncStanzaListener(this::incoming, new OrFilter(MessageTypeFilter.NORMAL_OR_CHAT, MessageTypeFilter.ERROR));
    }

    @Override
    public ChatMessage send(Address to, String body) throws ServiceException {
        Objects.requireNonNull(body, "body");
        Conversation conversation = conversationWith(to);
        Message message = connection.getStanzaFactory().buildMessageStanza()
                .to(Jids.bare(to))
                .ofType(Message.Type.chat)
                .setBody(body)
                .setThread(conversation.thread())
                .addExtension(new DeliveryReceiptRequest())
                .addExtension(new ChatStateExtension(org.jivesoftware.smackx.chatstates.ChatState.active))
                .build();
        DeliveryState state = presence.presenceOf(to).isOnline() ? DeliveryState.SENT : DeliveryState.QUEUED_OFFLINE;
        ChatMessage sent = new ChatMessage(message.getStanzaId(), to, ChatMessage.Direction.OUTGOING, body,
                conversation.thread(), "", clock.instant(), false, state, "");
        // appended before sending: the receipt may come back before sendStanza returns
        conversation.append(sent);
        try {
            ServiceErrors.requireSignedIn(connection, "sending a message to " + to);
            connection.sendStanza(message);
        } catch (Exception e) {
            ServiceException failure = e instanceof ServiceException se ? se
                    : ServiceErrors.map("sending a message to " + to, e);
            conversation.update(sent.id(), DeliveryState.FAILED, failure.getMessage())
                    .ifPresent(m -> listeners.fire(l -> l.messageUpdated(m)));
            throw failure;
        }
        return sent;
    }

    @Override
    public void sendChatState(Address to, ChatState state) throws ServiceException {
        ServiceErrors.requireSignedIn(connection, "sending a typing notification to " + to);
        Conversation conversation = conversationWith(to);
        Message message = connection.getStanzaFactory().buildMessageStanza()
                .to(Jids.bare(to))
                .ofType(Message.Type.chat)
                .setThread(conversation.thread())
                .addExtension(new ChatStateExtension(toSmack(state)))
                .build();
        try {
            connection.sendStanza(message);
        } catch (Exception e) {
            throw ServiceErrors.map("sending a typing notification to " + to, e);
        }
    }

    @Override
    public Conversation conversationWith(Address peer) {
        return conversations.computeIfAbsent(peer, p -> new Conversation(p, UUID.randomUUID().toString()));
    }

    @Override
    public List<Conversation> conversations() {
        return new ArrayList<>(conversations.values());
    }

    @Override
    public ListenerRegistration addListener(ChatListener listener) {
        return listeners.add(listener);
    }

    private void incoming(Stanza stanza) {
        Message message = (Message) stanza;
        var peer = Jids.address(message.getFrom());
        if (peer.isEmpty()) {
            LOG.debug("Ignoring a message from {}, which is not a user", message.getFrom());
            return;
        }
        Address from = peer.get();
        if (message.getType() == Message.Type.error) {
            failed(from, message);
            return;
        }
        if (message.getBody() != null) {
            received(from, message);
        }
        for (var extension : message.getExtensions()) {
            if (extension instanceof ChatStateExtension chatState) {
                ChatState state = fromSmack(chatState.getChatState());
                conversationWith(from).peerState(state);
                listeners.fire(l -> l.chatStateChanged(from, state));
            }
        }
    }

    private void received(Address from, Message message) {
        String thread = message.getThread();
        Conversation conversation = conversations.computeIfAbsent(from, p -> new Conversation(p,
                thread == null || thread.isBlank() ? UUID.randomUUID().toString() : thread));
        DelayInformation delay = DelayInformation.from(message);
        Instant timestamp = delay != null && delay.getStamp() != null ? delay.getStamp().toInstant() : clock.instant();
        String id = message.getStanzaId() != null ? message.getStanzaId() : UUID.randomUUID().toString();
        ChatMessage m = new ChatMessage(id, from, ChatMessage.Direction.INCOMING, message.getBody(),
                thread == null || thread.isBlank() ? conversation.thread() : thread, Jids.resource(message.getFrom()),
                timestamp, delay != null, DeliveryState.RECEIVED, "");
        conversation.append(m);
        listeners.fire(l -> l.messageReceived(m));
    }

    private void failed(Address from, Message error) {
        Conversation conversation = conversations.get(from);
        if (conversation == null || error.getStanzaId() == null) {
            return;
        }
        StanzaError e = error.getError();
        String why = e == null || e.getCondition() == null ? "undefined-condition" : e.getCondition().toString();
        conversation.update(error.getStanzaId(), DeliveryState.FAILED, why)
                .ifPresent(m -> listeners.fire(l -> l.messageUpdated(m)));
    }

    private void delivered(org.jxmpp.jid.Jid from, String receiptId) {
        Jids.address(from).map(conversations::get).ifPresent(conversation ->
                conversation.update(receiptId, DeliveryState.DELIVERED, "")
                        .ifPresent(m -> listeners.fire(l -> l.messageUpdated(m))));
    }

    static org.jivesoftware.smackx.chatstates.ChatState toSmack(ChatState state) {
        return org.jivesoftware.smackx.chatstates.ChatState.valueOf(state.name().toLowerCase(Locale.ROOT));
    }

    static ChatState fromSmack(org.jivesoftware.smackx.chatstates.ChatState state) {
        return ChatState.valueOf(state.name().toUpperCase(Locale.ROOT));
    }
}
