package io.switchboard.sip.testpeer;

import io.switchboard.core.model.Address;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.RequestEvent;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** REGISTER (RFC 3261 §10.3) for the test server: one binding per address of record. */
public final class TestRegistrar {

    /** One address of record's binding. */
    public record Binding(String contact, int expires) {
    }

    private final TestSipServer server;
    private final Map<Address, Binding> bindings = new ConcurrentHashMap<>();
    private final AtomicInteger registrations = new AtomicInteger();
    private volatile int minExpires = 1;
    private volatile int maxExpires = 3600;

    TestRegistrar(TestSipServer server) {
        this.server = server;
    }

    /** Requests below this get 423 Interval Too Brief with Min-Expires. */
    public void setMinExpires(int seconds) {
        minExpires = seconds;
    }

    /** Longer requests are cut to this. */
    public void setMaxExpires(int seconds) {
        maxExpires = seconds;
    }

    public Optional<Binding> binding(Address aor) {
        return Optional.ofNullable(bindings.get(aor));
    }

    /** Successful REGISTERs with a non-zero lifetime. */
    public int registrations() {
        return registrations.get();
    }

    void handle(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        Address aor = Address.fromSipUri(((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI().toString());
        ContactHeader contact = (ContactHeader) request.getHeader(ContactHeader.NAME);
        if (contact == null) {
            Response list = server.response(request, Response.OK);
            binding(aor).ifPresent(b -> addContact(list, b.contact(), b.expires()));
            server.respond(event, list);
            return;
        }
        ExpiresHeader expiresHeader = request.getExpires();
        int expires = contact.getExpires() >= 0 ? contact.getExpires()
                : expiresHeader != null ? expiresHeader.getExpires() : 3600;
        if (expires == 0) {
            bindings.remove(aor);
            server.respond(event, server.response(request, Response.OK));
            return;
        }
        if (expires < minExpires) {
            Response tooBrief = server.response(request, Response.INTERVAL_TOO_BRIEF);
            tooBrief.addHeader(server.endpoint().headerFactory().createMinExpiresHeader(minExpires));
            server.respond(event, tooBrief);
            return;
        }
        int granted = Math.min(expires, maxExpires);
        String contactUri = contact.getAddress().getURI().toString();
        bindings.put(aor, new Binding(contactUri, granted));
        registrations.incrementAndGet();
        Response ok = server.response(request, Response.OK);
        addContact(ok, contactUri, granted);
        server.respond(event, ok);
    }

    private void addContact(Response response, String uri, int expires) {
        try {
            ContactHeader header = server.endpoint().headerFactory().createContactHeader(
                    server.endpoint().addressFactory().createAddress(uri));
            header.setExpires(expires);
            response.addHeader(header);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
