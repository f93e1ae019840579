package io.switchboard.server.sip.message;

import io.switchboard.server.sip.SipUsers;
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
import javax.sip.header.FromHeader;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pager-mode MESSAGE (RFC 3428) to local users: the sender is authenticated like any proxied
 * request and the message must carry a typed body; 404 for an unknown user. Text and
 * is-composing from a local user go through the {@link ImGateway} to the recipient's XMPP
 * resources and SIP contacts, with offline storage (200/202, ADR 0016). Other body types, and
 * senders of other domains (who have no XMPP address here), are proxied to the recipient's SIP
 * contacts as before: the first 2xx is the answer, 480 when none is registered.
 */
public final class MessageProcessor implements RequestProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(MessageProcessor.class);

    private final ProxyProcessor proxy;
    private final SipUsers sipUsers;
    private final LocationService locations;
    private final Forker forker;
    private final SipImReader reader;
    private final ImGateway gateway;

    public MessageProcessor(ProxyProcessor proxy, SipUsers sipUsers, LocationService locations, Forker forker,
                            SipImReader reader, ImGateway gateway) {
        this.proxy = Objects.requireNonNull(proxy, "proxy");
        this.sipUsers = Objects.requireNonNull(sipUsers, "sipUsers");
        this.locations = Objects.requireNonNull(locations, "locations");
        this.forker = Objects.requireNonNull(forker, "forker");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
    }

    /**
     * Over UDP a MESSAGE gets no JAIN-SIP server transaction; the dispatcher remembers its answer
     * and repeats it to a retransmission, so a copy never becomes a second chat line. The
     * transactions kept 32 s after each answer were what capped the MESSAGE rate
     * (docs/benchmarks.md, 2026-12-08; ADR 0033).
     */
    @Override
    public boolean answerRemembered() {
        return true;
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
        FromHeader from = (FromHeader) in.request().getHeader(FromHeader.NAME);
        Optional<String> sender = sipUsers.isLocalDomain(from.getAddress().getURI())
                ? sipUsers.localUser(from.getAddress().getURI()) : Optional.empty();
        if (sender.isPresent()) {
            Optional<SipIm> im;
            try {
                im = reader.read(in.request());
            } catch (SipImReader.RefusedException e) {
                LOG.debug("MESSAGE from {} refused with {}: {}", in.source(), e.status(), e.getMessage());
                in.respond(e.status());
                return;
            }
            if (im.isPresent()) {
                gateway.fromSip(in, sender.get(), target.get(), im.get());
                return;
            }
        }
        List<Binding> bindings = locations.bindings(target.get());
        if (bindings.isEmpty()) {
            in.respond(Response.TEMPORARILY_UNAVAILABLE);
            return;
        }
        forker.fork(in, bindings);
    }
}
