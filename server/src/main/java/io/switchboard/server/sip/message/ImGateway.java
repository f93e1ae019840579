package io.switchboard.server.sip.message;

import io.switchboard.core.model.Address;
import io.switchboard.server.sip.registrar.Binding;
import io.switchboard.server.sip.registrar.LocationService;
import io.switchboard.server.sip.transport.IncomingRequest;
import io.switchboard.server.store.StoreException;
import io.switchboard.server.xmpp.Jid;
import io.switchboard.server.xmpp.im.StanzaException;
import io.switchboard.server.xmpp.im.message.ForeignMessaging;
import io.switchboard.server.xmpp.im.message.MessageRouter;
import io.switchboard.server.xmpp.xml.XmlElement;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IM gateway between SIP and XMPP users of this server (ADR 0016). One user, one inbox:
 * <ul>
 * <li>SIP → anyone: a MESSAGE from a local SIP user goes to the recipient's XMPP resources by
 *     the XMPP bare-JID rule and to every SIP contact of theirs (cross-protocol forking). 200 when
 *     an XMPP resource took it or a SIP contact answered 2xx; otherwise it is stored offline (the
 *     store XMPP uses) and the sender gets 202 (RFC 3428 §7: accepted for later delivery).</li>
 * <li>XMPP → SIP ({@link ForeignMessaging}): a chat to a user with no XMPP resource but SIP
 *     contacts goes out as MESSAGEs to all of them; if none takes it, it is stored offline.</li>
 * </ul>
 * Typing indications are forwarded the same ways but never stored. While the server has too many
 * requests pending, a MESSAGE that only SIP contacts could take is refused with 503, and XMPP → SIP
 * messages are stored. Thread-safe; the SIP
 * outcomes are handled on the SIP workers.
 */
public final class ImGateway implements ForeignMessaging {

    private static final Logger LOG = LoggerFactory.getLogger(ImGateway.class);

    private final String domain;
    private final LocationService locations;
    private final MessageRouter router;
    private final SipPager pager;
    private final XmppImMapping mapping;
    private final Executor workers;
    private final ComposingRelayLimit composingLimit;

    public ImGateway(String domain, LocationService locations, MessageRouter router, SipPager pager,
                     XmppImMapping mapping, Executor workers, Clock clock) {
        this.domain = Objects.requireNonNull(domain, "domain");
        this.locations = Objects.requireNonNull(locations, "locations");
        this.router = Objects.requireNonNull(router, "router");
        this.pager = Objects.requireNonNull(pager, "pager");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.composingLimit = new ComposingRelayLimit(clock);
    }

    /** A MESSAGE from authenticated local user {@code sender} to local user {@code recipient}. */
    public void fromSip(IncomingRequest in, String sender, String recipient, SipIm im) {
        Address from = Address.of(sender, domain);
        Address to = Address.of(recipient, domain);
        XmlElement stanza = mapping.toXmpp(from, to, im);
        int resources;
        try {
            resources = router.deliverToResources(from, to, stanza);
        } catch (StoreException | StanzaException e) {
            LOG.warn("MESSAGE from {} to {} could not reach XMPP: {}", sender, recipient, e.getMessage());
            resources = 0;
        }
        List<Binding> bindings = locations.bindings(recipient);
        if (resources > 0) {
            in.respond(Response.OK);
            // taken already: the SIP copies are extra, what becomes of them changes nothing
            pager.send(bindings, sender, recipient, im, Optional.empty());
            return;
        }
        if (!bindings.isEmpty() && in.messaging().pending().saturated()) {
            // the recipient's devices would wait behind thousands of pending requests: the sender may
            // try again (503); storing it instead would hold it back from devices that are online
            in.messaging().pending().refuse(in);
            return;
        }
        pager.send(bindings, sender, recipient, im, Optional.empty()).thenAcceptAsync(delivered -> {
            try {
                if (delivered) {
                    in.respond(Response.OK);
                } else if (!im.isText()) {
                    in.respond(Response.TEMPORARILY_UNAVAILABLE);   // nobody to tell; indications are not stored
                } else {
                    in.respond(lastResort(from, to, stanza));
                }
            } catch (RuntimeException e) {
                // off the dispatcher's thread, so its "500 for a failed processor" cannot apply
                LOG.error("MESSAGE from {} to {} failed", sender, recipient, e);
                in.respond(Response.SERVER_INTERNAL_ERROR);
            }
        }, workers);
    }

    @Override
    public boolean reachable(Address user) {
        return isLocal(user) && !locations.bindings(user.local()).isEmpty();
    }

    /**
     * Called under the recipient's XMPP lock on a session's thread: the sending (a TCP connect
     * may block) runs on the SIP workers instead.
     */
    @Override
    public void deliver(Address recipient, XmlElement message, Runnable undelivered) {
        try {
            workers.execute(() -> send(recipient, message, undelivered));
        } catch (RejectedExecutionException stopping) {
            undelivered.run();
        }
    }

    private void send(Address recipient, XmlElement message, Runnable undelivered) {
        Optional<SipIm> im = mapping.fromXmpp(message);
        Optional<Address> sender = mapping.sender(message).filter(this::isLocal);
        if (im.isEmpty() || sender.isEmpty() || !isLocal(recipient)) {
            // nothing a SIP device can show (e.g. a receipt): kept for the user's next XMPP sign-in
            undelivered.run();
            return;
        }
        if (im.get().composing().isPresent()) {
            if (!composingLimit.allow(sender.get(), recipient, im.get().composing().get())) {
                return;
            }
        } else {
            composingLimit.textSent(sender.get(), recipient);
        }
        pager.send(locations.bindings(recipient.local()), sender.get().local(), recipient.local(), im.get(),
                Optional.empty()).thenAcceptAsync(delivered -> {
                    if (delivered) {
                        mapping.receiptFor(message).ifPresent(receipt ->
                                router.sendTo(Jid.parse(receipt.attr("to")), receipt));
                    } else if (im.get().isText()) {
                        LOG.debug("No SIP contact of {} took a message; storing it", recipient);
                        undelivered.run();
                    }
                }, workers);
    }

    /** Nobody took it live: an XMPP resource that appeared meanwhile, else the offline store. */
    private int lastResort(Address from, Address to, XmlElement stanza) {
        try {
            return router.deliverOrStore(from, to, stanza) ? Response.OK : Response.ACCEPTED;
        } catch (StanzaException full) {
            LOG.info("MESSAGE from {} to {} refused: {}", from, to, full.getMessage());
            return Response.TEMPORARILY_UNAVAILABLE;    // the recipient's offline quota is full
        } catch (StoreException e) {
            LOG.error("Could not store a MESSAGE from {} for {}", from, to, e);
            return Response.SERVER_INTERNAL_ERROR;
        }
    }

    private boolean isLocal(Address user) {
        return user.domain().equalsIgnoreCase(domain);
    }
}
