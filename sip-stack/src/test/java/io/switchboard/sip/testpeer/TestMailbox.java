package io.switchboard.sip.testpeer;

import io.switchboard.core.model.Address;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A message-summary notifier (RFC 3842) for the test server: one JAIN-SIP dialog per subscription,
 * only the mailbox's owner may subscribe (403 otherwise), a NOTIFY with the mailbox's summary after
 * every subscribe and refresh and on {@link #setSummary}. Scriptable: raw NOTIFYs, termination.
 */
public final class TestMailbox {

    /** One subscription as the notifier sees it. */
    public record Subscription(String callId, Address mailbox, Dialog dialog) {
    }

    private final TestSipServer server;
    private final Map<Address, String> summaries = new ConcurrentHashMap<>();
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final List<Integer> notifyAnswers = new CopyOnWriteArrayList<>();
    private final List<Integer> subscribeExpires = new CopyOnWriteArrayList<>();
    private final AtomicInteger notifiesSent = new AtomicInteger();

    TestMailbox(TestSipServer server) {
        this.server = server;
    }

    public List<Subscription> subscriptions() {
        return List.copyOf(subscriptions.values());
    }

    /** The statuses our NOTIFYs were answered with, in arrival order. */
    public List<Integer> notifyAnswers() {
        return List.copyOf(notifyAnswers);
    }

    public int notifiesSent() {
        return notifiesSent.get();
    }

    /** The Expires of every SUBSCRIBE received (0 = an unsubscribe). */
    public List<Integer> subscribeExpires() {
        return List.copyOf(subscribeExpires);
    }

    /** Sets the mailbox's summary body and NOTIFYs its subscribers. */
    public void setSummary(Address mailbox, String body) throws Exception {
        summaries.put(mailbox, body);
        for (Subscription s : subscriptions.values()) {
            if (s.mailbox().equals(mailbox)) {
                notify(s, SubscriptionStateHeader.ACTIVE + ";expires=3600", "application/simple-message-summary",
                        body.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** Sends a hand-made NOTIFY in every subscription to {@code mailbox}: for hostile-input tests. */
    public void notifyRaw(Address mailbox, String subscriptionState, String contentType, byte[] body) throws Exception {
        for (Subscription s : subscriptions.values()) {
            if (s.mailbox().equals(mailbox)) {
                notify(s, subscriptionState, contentType, body);
            }
        }
    }

    /** Ends every subscription to {@code mailbox} with a terminated NOTIFY. */
    public void terminate(Address mailbox, String reason) throws Exception {
        for (Subscription s : subscriptions.values()) {
            if (s.mailbox().equals(mailbox)) {
                subscriptions.remove(s.callId());
                notify(s, SubscriptionStateHeader.TERMINATED + ";reason=" + reason, null, null);
            }
        }
    }

    static boolean isMessageSummary(Request request) {
        EventHeader event = (EventHeader) request.getHeader(EventHeader.NAME);
        return event != null && "message-summary".equalsIgnoreCase(event.getEventType());
    }

    void handleSubscribe(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        Subscription known = subscriptions.get(callId);
        Address subscriber = Address.fromSipUri(((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI().toString());
        Address mailbox = known != null ? known.mailbox() : Address.fromSipUri(request.getRequestURI().toString());
        if (!subscriber.equals(mailbox)) {
            server.respond(event, server.response(request, Response.FORBIDDEN));
            return;
        }
        ServerTransaction transaction = server.serverTransaction(event);
        if (transaction == null) {
            return;
        }
        int expires = request.getExpires() == null ? 3600 : request.getExpires().getExpires();
        subscribeExpires.add(expires);
        Subscription subscription = known != null ? known : new Subscription(callId, mailbox, transaction.getDialog());
        Response ok = server.response(request, Response.OK);
        ToHeader to = (ToHeader) ok.getHeader(ToHeader.NAME);
        if (to.getTag() == null) {
            to.setTag(UUID.randomUUID().toString().substring(0, 8));
        }
        ok.addHeader(server.endpoint().headerFactory().createExpiresHeader(expires));
        ok.addHeader(contact());
        transaction.sendResponse(ok);
        if (expires == 0) {
            subscriptions.remove(callId);
            notify(subscription, SubscriptionStateHeader.TERMINATED + ";reason=timeout", null, null);
            return;
        }
        subscriptions.put(callId, subscription);
        notify(subscription, SubscriptionStateHeader.ACTIVE + ";expires=" + expires, "application/simple-message-summary",
                summaries.getOrDefault(mailbox, "Messages-Waiting: no\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private void notify(Subscription s, String subscriptionState, String contentType, byte[] body) throws Exception {
        HeaderFactory headers = server.endpoint().headerFactory();
        Request notify = s.dialog().createRequest(Request.NOTIFY);
        notify.addHeader(headers.createEventHeader("message-summary"));
        notify.addHeader(headers.createHeader(SubscriptionStateHeader.NAME, subscriptionState));
        notify.setHeader(contact());
        if (body != null) {
            String[] type = contentType.split("/", 2);
            notify.setContent(body, headers.createContentTypeHeader(type[0], type[1]));
        }
        ClientTransaction transaction = server.endpoint().provider().getNewClientTransaction(notify);
        s.dialog().sendRequest(transaction);
        notifiesSent.incrementAndGet();
    }

    private ContactHeader contact() throws Exception {
        return server.endpoint().headerFactory().createContactHeader(server.endpoint().addressFactory()
                .createAddress("sip:mailbox@" + server.endpoint().host() + ":" + server.endpoint().port()));
    }

    void onResponse(ResponseEvent event) {
        CSeqHeader cseq = (CSeqHeader) event.getResponse().getHeader(CSeqHeader.NAME);
        if (Request.NOTIFY.equals(cseq.getMethod()) && event.getClientTransaction() != null
                && isMessageSummary(event.getClientTransaction().getRequest())) {
            notifyAnswers.add(event.getResponse().getStatusCode());
        }
    }
}
