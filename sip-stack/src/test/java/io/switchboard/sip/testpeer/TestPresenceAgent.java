package io.switchboard.sip.testpeer;

import io.switchboard.sip.presence.winfo.Watcher;
import io.switchboard.sip.presence.winfo.WatcherEvent;
import io.switchboard.sip.presence.winfo.WatcherInfo;
import io.switchboard.sip.presence.winfo.WatcherInfoWriter;
import io.switchboard.sip.presence.winfo.WatcherList;
import io.switchboard.sip.presence.winfo.WatcherStatus;
import java.util.ArrayList;

import io.switchboard.core.model.Address;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.SIPETagHeader;
import javax.sip.header.SIPIfMatchHeader;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * PUBLISH (RFC 3903) and SUBSCRIBE/NOTIFY for the presence event package (RFC 6665, RFC 3856) for
 * the test server: entity tags per address of record, one JAIN-SIP dialog per subscription, a
 * NOTIFY with the published PIDF after every subscribe, refresh and publication. Scriptable:
 * pending authorisation, termination with a reason, forgotten entity tags.
 */
public final class TestPresenceAgent {

    /** One publication: its current entity tag and document. */
    public record Publication(String etag, byte[] body, int expires) {
    }

    /** One subscription as the server sees it. */
    public record Subscription(String callId, Address watcher, Address target, Dialog dialog) {
    }

    private final TestSipServer server;
    private final Map<Address, Publication> publications = new ConcurrentHashMap<>();
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, Subscription> winfoSubscriptions = new ConcurrentHashMap<>();
    private final Map<String, Long> winfoVersions = new ConcurrentHashMap<>();
    private final Set<Address> pendingTargets = ConcurrentHashMap.newKeySet();
    private final List<Integer> notifyAnswers = new CopyOnWriteArrayList<>();
    private final AtomicInteger notifiesSent = new AtomicInteger();
    private volatile int maxExpires = 3600;

    TestPresenceAgent(TestSipServer server) {
        this.server = server;
    }

    public Optional<Publication> publication(Address aor) {
        return Optional.ofNullable(publications.get(aor));
    }

    /** Drops every entity tag: the next refresh or modify gets 412 Conditional Request Failed. */
    public void forgetPublications() {
        publications.clear();
    }

    public void setMaxExpires(int seconds) {
        maxExpires = seconds;
    }

    /** Subscriptions to {@code target} stay pending (no authorisation yet) until {@link #authorize}. */
    public void holdPending(Address target) {
        pendingTargets.add(target);
    }

    public void authorize(Address target) throws Exception {
        pendingTargets.remove(target);
        notifyWatchers(target);
        notifyWinfo(target);
    }

    public List<Subscription> subscriptions() {
        return List.copyOf(subscriptions.values());
    }

    /** Status codes the client answered NOTIFYs with. */
    public List<Integer> notifyAnswers() {
        return notifyAnswers;
    }

    public int notifiesSent() {
        return notifiesSent.get();
    }

    /** Sets a user's presence as if published elsewhere, and notifies the watchers. */
    public void setPresence(Address target, String pidf) throws Exception {
        publications.put(target, new Publication(UUID.randomUUID().toString(), pidf.getBytes(StandardCharsets.UTF_8), 3600));
        notifyWatchers(target);
    }

    /** Ends every subscription to {@code target} with a terminated NOTIFY. */
    public void terminate(Address target, String reason, int retryAfter) throws Exception {
        for (Subscription subscription : subscriptions.values()) {
            if (subscription.target().equals(target)) {
                subscriptions.remove(subscription.callId());
                sendNotify(subscription, SubscriptionStateHeader.TERMINATED, reason, retryAfter, 0);
            }
        }
    }

    /** Sends a hand-made NOTIFY in every subscription to {@code target}: for hostile-input tests. */
    public void notifyRaw(Address target, String subscriptionState, String contentType, byte[] body) throws Exception {
        HeaderFactory headers = server.endpoint().headerFactory();
        for (Subscription subscription : subscriptions.values()) {
            if (!subscription.target().equals(target)) {
                continue;
            }
            Request notify = subscription.dialog().createRequest(Request.NOTIFY);
            notify.addHeader(headers.createEventHeader("presence"));
            notify.addHeader(headers.createHeader(SubscriptionStateHeader.NAME, subscriptionState));
            notify.setHeader(contact());
            if (body != null) {
                String[] type = contentType.split("/", 2);
                notify.setContent(body, headers.createContentTypeHeader(type[0], type[1]));
            }
            ClientTransaction transaction = server.endpoint().provider().getNewClientTransaction(notify);
            subscription.dialog().sendRequest(transaction);
            notifiesSent.incrementAndGet();
        }
    }

    void handlePublish(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        if (!isPresence(request)) {
            server.respond(event, server.response(request, Response.BAD_EVENT));
            return;
        }
        Address aor = Address.fromSipUri(request.getRequestURI().toString());
        int expires = request.getExpires() == null ? 3600 : request.getExpires().getExpires();
        SIPIfMatchHeader ifMatch = (SIPIfMatchHeader) request.getHeader(SIPIfMatchHeader.NAME);
        Publication current = publications.get(aor);
        if (ifMatch != null && (current == null || !current.etag().equals(ifMatch.getETag()))) {
            server.respond(event, server.response(request, Response.CONDITIONAL_REQUEST_FAILED));
            return;
        }
        byte[] body = request.getRawContent();
        if (ifMatch == null && (body == null || body.length == 0)) {
            server.respond(event, server.response(request, Response.BAD_REQUEST));
            return;
        }
        if (expires == 0) {
            publications.remove(aor);
            server.respond(event, server.response(request, Response.OK));
            notifyWatchers(aor);
            return;
        }
        int granted = Math.min(expires, maxExpires);
        byte[] document = body == null || body.length == 0 ? current.body() : body;
        Publication updated = new Publication(UUID.randomUUID().toString(), document, granted);
        publications.put(aor, updated);
        Response ok = server.response(request, Response.OK);
        ok.addHeader(server.endpoint().headerFactory().createSIPETagHeader(updated.etag()));
        ok.addHeader(server.endpoint().headerFactory().createExpiresHeader(granted));
        server.respond(event, ok);
        if (body != null && body.length > 0) {
            notifyWatchers(aor);
        }
    }

    /** Watcher-info subscriptions (RFC 3857), kept apart so presence NOTIFYs never go there. */
    public List<Subscription> winfoSubscriptions() {
        return List.copyOf(winfoSubscriptions.values());
    }

    void handleSubscribe(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        if (isWinfo(request)) {
            handleWinfoSubscribe(event);
            return;
        }
        if (!isPresence(request)) {
            server.respond(event, server.response(request, Response.BAD_EVENT));
            return;
        }
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        ServerTransaction transaction = server.serverTransaction(event);
        if (transaction == null) {
            return;
        }
        Dialog dialog = transaction.getDialog();
        int expires = request.getExpires() == null ? 3600 : request.getExpires().getExpires();
        int granted = Math.min(expires, maxExpires);
        Subscription subscription = subscriptions.get(callId);
        if (subscription == null) {
            subscription = new Subscription(callId,
                    Address.fromSipUri(((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI().toString()),
                    Address.fromSipUri(request.getRequestURI().toString()), dialog);
        }
        HeaderFactory headers = server.endpoint().headerFactory();
        Response ok = server.response(request, Response.OK);
        ToHeader to = (ToHeader) ok.getHeader(ToHeader.NAME);
        if (to.getTag() == null) {
            to.setTag(UUID.randomUUID().toString().substring(0, 8));
        }
        ok.addHeader(headers.createExpiresHeader(granted));
        ok.addHeader(contact());
        transaction.sendResponse(ok);
        if (granted == 0) {
            subscriptions.remove(callId);
            sendNotify(subscription, SubscriptionStateHeader.TERMINATED, SubscriptionStateHeader.TIMEOUT, -1, 0);
            notifyWinfo(subscription.target());
            return;
        }
        boolean added = subscriptions.put(callId, subscription) == null;
        sendCurrentState(subscription, granted);
        if (added) {
            notifyWinfo(subscription.target());
        }
    }

    /** Only the presentity may watch their watchers; every NOTIFY carries the full state. */
    private void handleWinfoSubscribe(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        Subscription known = winfoSubscriptions.get(callId);
        Address watcher = Address.fromSipUri(((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI().toString());
        // in the dialog the Request-URI is our Contact: the target is the subscription's
        Address target = known != null ? known.target() : Address.fromSipUri(request.getRequestURI().toString());
        if (!watcher.equals(target)) {
            server.respond(event, server.response(request, Response.FORBIDDEN));
            return;
        }
        ServerTransaction transaction = server.serverTransaction(event);
        if (transaction == null) {
            return;
        }
        int expires = request.getExpires() == null ? 3600 : request.getExpires().getExpires();
        int granted = Math.min(expires, maxExpires);
        Subscription subscription = winfoSubscriptions.getOrDefault(callId,
                new Subscription(callId, watcher, target, transaction.getDialog()));
        Response ok = server.response(request, Response.OK);
        ToHeader to = (ToHeader) ok.getHeader(ToHeader.NAME);
        if (to.getTag() == null) {
            to.setTag(UUID.randomUUID().toString().substring(0, 8));
        }
        ok.addHeader(server.endpoint().headerFactory().createExpiresHeader(granted));
        ok.addHeader(contact());
        transaction.sendResponse(ok);
        if (granted == 0) {
            winfoSubscriptions.remove(callId);
            sendWinfo(subscription, SubscriptionStateHeader.TERMINATED, 0);
            return;
        }
        winfoSubscriptions.put(callId, subscription);
        sendWinfo(subscription, SubscriptionStateHeader.ACTIVE, granted);
    }

    private void notifyWinfo(Address target) throws Exception {
        for (Subscription winfo : winfoSubscriptions.values()) {
            if (winfo.target().equals(target)) {
                sendWinfo(winfo, SubscriptionStateHeader.ACTIVE, maxExpires);
            }
        }
    }

    private void sendWinfo(Subscription winfo, String state, int expires) throws Exception {
        List<Watcher> watchers = new ArrayList<>();
        for (Subscription s : subscriptions.values()) {
            if (s.target().equals(winfo.target())) {
                watchers.add(Watcher.of(s.watcher().toSipUri(), s.callId().replaceAll("[^A-Za-z0-9]", ""),
                        pendingTargets.contains(s.target()) ? WatcherStatus.PENDING : WatcherStatus.ACTIVE,
                        WatcherEvent.SUBSCRIBE));
            }
        }
        WatcherInfo info = new WatcherInfo(winfoVersions.merge(winfo.callId(), 1L, Long::sum) - 1, WatcherInfo.State.FULL,
                List.of(new WatcherList(winfo.target().toSipUri(), "presence", watchers)));
        HeaderFactory headers = server.endpoint().headerFactory();
        Request notify = winfo.dialog().createRequest(Request.NOTIFY);
        notify.addHeader(headers.createEventHeader("presence.winfo"));
        SubscriptionStateHeader subscriptionState = headers.createSubscriptionStateHeader(state);
        if (expires > 0) {
            subscriptionState.setExpires(expires);
        } else {
            subscriptionState.setReasonCode(SubscriptionStateHeader.TIMEOUT);
        }
        notify.addHeader(subscriptionState);
        notify.setHeader(contact());
        notify.setContent(new WatcherInfoWriter().write(info),
                headers.createContentTypeHeader(WatcherInfo.CONTENT_TYPE, WatcherInfo.CONTENT_SUBTYPE));
        ClientTransaction transaction = server.endpoint().provider().getNewClientTransaction(notify);
        winfo.dialog().sendRequest(transaction);
    }

    private void notifyWatchers(Address target) throws Exception {
        for (Subscription subscription : subscriptions.values()) {
            if (subscription.target().equals(target)) {
                sendCurrentState(subscription, maxExpires);
            }
        }
    }

    private void sendCurrentState(Subscription subscription, int expires) throws Exception {
        String state = pendingTargets.contains(subscription.target())
                ? SubscriptionStateHeader.PENDING : SubscriptionStateHeader.ACTIVE;
        sendNotify(subscription, state, null, -1, expires);
    }

    private void sendNotify(Subscription subscription, String state, String reason, int retryAfter, int expires)
            throws Exception {
        HeaderFactory headers = server.endpoint().headerFactory();
        Request notify = subscription.dialog().createRequest(Request.NOTIFY);
        notify.addHeader(headers.createEventHeader("presence"));
        SubscriptionStateHeader subscriptionState = headers.createSubscriptionStateHeader(state);
        if (expires > 0) {
            subscriptionState.setExpires(expires);
        }
        if (reason != null) {
            subscriptionState.setReasonCode(reason);
        }
        if (retryAfter >= 0) {
            subscriptionState.setRetryAfter(retryAfter);
        }
        notify.addHeader(subscriptionState);
        notify.setHeader(contact());
        if (!SubscriptionStateHeader.PENDING.equals(state)) {
            notify.setContent(document(subscription.target()), headers.createContentTypeHeader("application", "pidf+xml"));
        }
        ClientTransaction transaction = server.endpoint().provider().getNewClientTransaction(notify);
        subscription.dialog().sendRequest(transaction);
        notifiesSent.incrementAndGet();
    }

    private byte[] document(Address target) {
        Publication publication = publications.get(target);
        if (publication != null) {
            return publication.body();
        }
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"" + target.toSipUri() + "\">"
                + "<tuple id=\"t1\"><status><basic>closed</basic></status></tuple></presence>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private ContactHeader contact() throws Exception {
        return server.endpoint().headerFactory().createContactHeader(server.endpoint().addressFactory()
                .createAddress("sip:presence@" + server.endpoint().host() + ":" + server.endpoint().port()));
    }

    void onResponse(ResponseEvent event) {
        if (Request.NOTIFY.equals(((javax.sip.header.CSeqHeader) event.getResponse().getHeader("CSeq")).getMethod())) {
            notifyAnswers.add(event.getResponse().getStatusCode());
        }
    }

    private static boolean isWinfo(Request request) {
        EventHeader event = (EventHeader) request.getHeader(EventHeader.NAME);
        return event != null && "presence.winfo".equalsIgnoreCase(event.getEventType());
    }

    private static boolean isPresence(Request request) {
        EventHeader event = (EventHeader) request.getHeader(EventHeader.NAME);
        return event != null && "presence".equalsIgnoreCase(event.getEventType());
    }
}
