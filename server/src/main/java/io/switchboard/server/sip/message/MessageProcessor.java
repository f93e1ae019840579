package io.switchboard.server.sip.message;

import io.switchboard.server.sip.proxy.Forker;
import io.switchboard.server.sip.proxy.ProxyProcessor;
import io.switchboard.server.sip.registrar.Binding;
import io.switchboard.server.sip.registrar.LocationService;
import io.switchboard.server.sip.transport.IncomingRequest;
import io.switchboard.server.sip.transport.RequestProcessor;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Response;

/**
 * Pager-mode MESSAGE (RFC 3428) between local users: the sender is authenticated like any proxied
 * request, the message must carry a typed body, and it goes to every registered contact of the
 * recipient at once — the first 2xx is the answer; 404 for an unknown user, 480 when the
 * recipient has no SIP device registered.
 */
public final class MessageProcessor implements RequestProcessor {

    private final ProxyProcessor proxy;
    private final LocationService locations;
    private final Forker forker;

    public MessageProcessor(ProxyProcessor proxy, LocationService locations, Forker forker) {
        this.proxy = Objects.requireNonNull(proxy, "proxy");
        this.locations = Objects.requireNonNull(locations, "locations");
        this.forker = Objects.requireNonNull(forker, "forker");
    }

    @Override
    public void process(IncomingRequest in) {
        byte[] body = in.request().getRawContent();
        if (body == null || body.length == 0 || in.request().getHeader(ContentTypeHeader.NAME) == null) {
            in.respond(Response.BAD_REQUEST);
            return;
        }
        Optional<String> target = proxy.localTarget(in);
        if (target.isEmpty() || !proxy.senderVerified(in)) {
            return;
        }
        List<Binding> bindings = locations.bindings(target.get());
        if (bindings.isEmpty()) {
            in.respond(Response.TEMPORARILY_UNAVAILABLE);
            return;
        }
        forker.fork(in, bindings);
    }
}
