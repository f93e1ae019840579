package io.switchboard.sip.testpeer;

import io.switchboard.core.model.Address;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sip.ClientTransaction;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.address.SipURI;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/** Pager-mode MESSAGE (RFC 3428) for the test server: records what arrives, sends to registered users. */
public final class TestPager {

    /** One MESSAGE the server received. */
    public record Received(Address from, Address to, String contentType, String text) {
    }

    private final TestSipServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<ClientTransaction, CompletableFuture<Integer>> sent = new ConcurrentHashMap<>();
    private volatile boolean relay;

    TestPager(TestSipServer server) {
        this.server = server;
    }

    /**
     * Relays MESSAGEs to the addressee's registered contact and answers with its status, or 480
     * when the addressee is not registered (off by default: the server answers 200 itself).
     */
    public void setRelay(boolean value) {
        relay = value;
    }

    public List<Received> received() {
        return received;
    }

    void handle(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        received.add(new Received(
                Address.fromSipUri(((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI().toString()),
                Address.fromSipUri(request.getRequestURI().toString()),
                String.valueOf(request.getHeader("Content-Type")).replaceFirst("(?i)^content-type:\\s*", "").strip(),
                request.getRawContent() == null ? "" : new String(request.getRawContent(), StandardCharsets.UTF_8)));
        if (!relay) {
            server.respond(event, server.response(request, 200));
            return;
        }
        Received message = received.get(received.size() - 1);
        if (server.registrar().binding(message.to()).isEmpty()) {
            server.respond(event, server.response(request, 480));
            return;
        }
        javax.sip.ServerTransaction transaction = server.serverTransaction(event);
        // the type as sent (is-composing stays is-composing), without parameters: the body is UTF-8 here
        send(message.from(), message.to(), message.contentType().split(";", 2)[0].strip(), request.getRawContent()).whenComplete((status, failure) -> {
            try {
                transaction.sendResponse(server.response(request, failure == null ? status : 408));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Sends a MESSAGE to the contact {@code to} registered; completes with the client's status code. */
    public CompletableFuture<Integer> send(Address from, Address to, String contentType, byte[] body) throws Exception {
        return send(from, to, contentType, body, null);
    }

    /** As {@link #send(Address, Address, String, byte[])}, with a Date header when {@code date} is not null. */
    public CompletableFuture<Integer> send(Address from, Address to, String contentType, byte[] body,
                                           java.time.Instant date) throws Exception {
        String contact = server.registrar().binding(to).orElseThrow().contact();
        HeaderFactory headers = server.endpoint().headerFactory();
        SipURI target = (SipURI) server.endpoint().addressFactory().createURI(contact);
        String transport = target.getTransportParam() == null ? "udp" : target.getTransportParam();
        ViaHeader via = headers.createViaHeader(server.endpoint().host(), server.endpoint().port(), transport, null);
        Request message = server.endpoint().messageFactory().createRequest(target, Request.MESSAGE,
                server.endpoint().provider().getNewCallId(), headers.createCSeqHeader(1L, Request.MESSAGE),
                headers.createFromHeader(server.endpoint().addressFactory().createAddress(from.toSipUri()), "srv1"),
                headers.createToHeader(server.endpoint().addressFactory().createAddress(to.toSipUri()), null),
                List.of(via), headers.createMaxForwardsHeader(70));
        String[] type = contentType.split("/", 2);
        message.setContent(body, headers.createContentTypeHeader(type[0], type[1]));
        if (date != null) {
            java.util.Calendar calendar = java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("GMT"));
            calendar.setTimeInMillis(date.toEpochMilli());
            message.addHeader(headers.createDateHeader(calendar));
        }
        ClientTransaction transaction = server.endpoint().provider().getNewClientTransaction(message);
        CompletableFuture<Integer> status = new CompletableFuture<>();
        sent.put(transaction, status);
        transaction.sendRequest();
        return status;
    }

    void onResponse(ResponseEvent event) {
        CompletableFuture<Integer> status = event.getClientTransaction() == null ? null
                : sent.remove(event.getClientTransaction());
        if (status != null) {
            status.complete(event.getResponse().getStatusCode());
        }
    }
}
