package io.switchboard.sip.client;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.event.Listeners;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.ChatMessage;
import io.switchboard.core.model.ChatState;
import io.switchboard.core.model.Conversation;
import io.switchboard.core.model.DeliveryState;
import io.switchboard.core.service.ChatService;
import io.switchboard.core.service.NotConnectedException;
import io.switchboard.core.service.ServiceException;
import io.switchboard.sip.message.DeliveryReport;
import io.switchboard.sip.message.IsComposing;
import io.switchboard.sip.message.MessageListener;
import io.switchboard.sip.message.PagerMessage;
import io.switchboard.sip.message.PagerMessaging;
import io.switchboard.sip.ua.ProxyFailures;
import io.switchboard.sip.ua.SipRejectedException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 1:1 chat over pager-mode MESSAGE (RFC 3428). {@link #send} returns at once with SENT; the
 * MESSAGE's final response updates it: 200 → DELIVERED, 202 → QUEUED_OFFLINE (accepted for later
 * delivery), a refusal or no answer → FAILED with the reason. SIP has no thread ids: one is made
 * per conversation locally.
 */
final class SipChatService implements ChatService {

    private static final Logger LOG = LoggerFactory.getLogger(SipChatService.class);

    private final PagerMessaging messaging;
    private final Clock clock;
    private final BooleanSupplier signedIn;
    private final Listeners<ChatListener> listeners;
    private final Map<Address, Conversation> conversations = new ConcurrentHashMap<>();
    private final ComposingRateLimit outgoingComposing;
    private final ComposingInbox incomingComposing;

    SipChatService(PagerMessaging messaging, Clock clock, BooleanSupplier signedIn, Executor events,
                   ScheduledExecutorService timers) {
        this.messaging = Objects.requireNonNull(messaging, "messaging");
        this.clock = clock;
        this.signedIn = signedIn;
        this.listeners = new Listeners<>(events);
        this.outgoingComposing = new ComposingRateLimit(clock);
        this.incomingComposing = new ComposingInbox(timers, (peer, state) -> {
            // the conversation keeps it too: a chat window opened later shows "is typing" at once
            conversationWith(peer).peerState(state);
            listeners.fire(l -> l.chatStateChanged(peer, state));
        });
        messaging.addListener(new MessageListener() {
            @Override
            public void messageReceived(PagerMessage message) {
                received(message);
            }

            @Override
            public void composingReceived(Address from, IsComposing indication) {
                incomingComposing.received(from, indication);
            }
        });
    }

    @Override
    public ChatMessage send(Address to, String body) throws ServiceException {
        Objects.requireNonNull(body, "body");
        if (!signedIn.getAsBoolean()) {
            throw new NotConnectedException("not signed in: the message to " + to + " was not sent");
        }
        Conversation conversation = conversationWith(to);
        ChatMessage sent = new ChatMessage(UUID.randomUUID().toString(), to, ChatMessage.Direction.OUTGOING, body,
                conversation.thread(), "", clock.instant(), false, DeliveryState.SENT, "");
        conversation.append(sent);
        outgoingComposing.messageSent(to);
        messaging.send(to, body).whenComplete((report, failure) -> {
            DeliveryState state;
            String why;
            if (failure == null) {
                state = report.status() == DeliveryReport.Status.DELIVERED ? DeliveryState.DELIVERED
                        : DeliveryState.QUEUED_OFFLINE;
                why = "";
            } else {
                state = DeliveryState.FAILED;
                Throwable cause = ProxyFailures.unwrap(failure);
                why = cause instanceof SipRejectedException rejected
                        ? rejected.statusCode() + " " + rejected.reasonPhrase() : cause.getMessage();
                LOG.debug("message to {} failed: {}", to, why);
            }
            conversation.update(sent.id(), state, why).ifPresent(m -> listeners.fire(l -> l.messageUpdated(m)));
        });
        return sent;
    }

    /**
     * Typing notifications as RFC 3994 is-composing: COMPOSING → active, anything else → idle,
     * rate-limited by {@link ComposingRateLimit} (one call per keystroke sends one MESSAGE per
     * minute at most). Best effort: a refused or lost indication is only logged.
     */
    @Override
    public void sendChatState(Address to, ChatState state) throws ServiceException {
        Objects.requireNonNull(state, "state");
        if (!signedIn.getAsBoolean()) {
            throw new NotConnectedException("not signed in: chat state to " + to + " not sent");
        }
        outgoingComposing.next(to, state).ifPresent(indication ->
                messaging.sendComposing(to, indication).whenComplete((report, failure) -> {
                    if (failure != null) {
                        LOG.debug("is-composing to {} failed: {}", to, ProxyFailures.unwrap(failure).toString());
                    }
                }));
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

    private void received(PagerMessage message) {
        incomingComposing.messageReceived(message.from());
        Conversation conversation = conversationWith(message.from());
        ChatMessage received = new ChatMessage(UUID.randomUUID().toString(), message.from(),
                ChatMessage.Direction.INCOMING, message.text(), conversation.thread(), "", message.sentAt(), message.delayed(),
                DeliveryState.RECEIVED, "");
        conversation.append(received);
        listeners.fire(l -> l.messageReceived(received));
    }
}
