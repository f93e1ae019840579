package io.switchboard.server.sip.transport;

import gov.nist.javax.sip.Utils;
import io.switchboard.sip.stack.ConnectionFlows;
import io.switchboard.sip.stack.SipEndpoint;
import io.switchboard.sip.stack.SipTransport;

import java.text.ParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every SIP processor needs to build and send messages: the JAIN-SIP factories, the server's
 * own Via and Contact, tags and branches, stateless sends and client transactions whose outcome
 * reaches a {@link ResponseHandler}. Bound to the running {@link SipEndpoint} once the stack has
 * started (the stack needs the listener before the endpoint exists). Thread-safe.
 */
public final class SipMessaging {

    private static final Logger LOG = LoggerFactory.getLogger(SipMessaging.class);

    private final String domain;
    private final Set<SipTransport> transports;
    private final PendingRequests pending;
    private volatile SipEndpoint endpoint;

    /** @param pending counts every request {@link #send} sends until its final response */
    public SipMessaging(String domain, Set<SipTransport> transports, PendingRequests pending) {
        this.domain = Objects.requireNonNull(domain, "domain");
        this.transports = Set.copyOf(transports);
        this.pending = Objects.requireNonNull(pending, "pending");
    }

    public void bind(SipEndpoint boundEndpoint) {
        this.endpoint = Objects.requireNonNull(boundEndpoint, "endpoint");
    }

    public boolean isBound() {
        return endpoint != null;
    }

    private SipEndpoint endpoint() {
        SipEndpoint e = endpoint;
        if (e == null) {
            throw new IllegalStateException("the SIP stack has not started");
        }
        return e;
    }

    /** The SIP domain, also the digest realm. */
    public String domain() {
        return domain;
    }

    public String host() {
        return endpoint().host();
    }

    /** The UDP/TCP port (or the only one, when just one transport is on). */
    public int port() {
        return endpoint().port();
    }

    /** The port of {@code transport}: TLS listens on its own. */
    public int port(SipTransport transport) {
        SipEndpoint e = endpoint();
        return e.listensOn(transport) ? e.port(transport) : e.port();
    }

    /** Whether {@code port} is one of ours (the UDP/TCP port or the TLS port). */
    public boolean isOurPort(int port) {
        SipEndpoint e = endpoint();
        return port == e.port() || (e.listensOn(SipTransport.TLS) && port == e.port(SipTransport.TLS));
    }

    /**
     * After an authenticated REGISTER over TLS: requests to the registered Contacts go over the
     * connection the user agent opened (it accepts none itself), see {@link ConnectionFlows}.
     * Only authenticated registrations teach this, so nobody can divert another user's requests.
     */
    public void rememberTlsFlow(SipSource source, java.util.List<ContactHeader> contacts) {
        if (!SipTransport.TLS.token().equalsIgnoreCase(source.transport())) {
            return;
        }
        for (ContactHeader contact : contacts) {
            if (contact.getAddress() != null && contact.getAddress().getURI() instanceof SipURI uri) {
                int contactPort = uri.getPort() > 0 ? uri.getPort() : SipTransport.TLS.defaultPort();
                endpoint().flows().remember(uri.getHost(), contactPort,
                        new ConnectionFlows.Flow(source.address(), source.port()));
            }
        }
    }

    public MessageFactory messages() {
        return endpoint().messageFactory();
    }

    public HeaderFactory headers() {
        return endpoint().headerFactory();
    }

    public AddressFactory addresses() {
        return endpoint().addressFactory();
    }

    public String newTag() {
        return Utils.getInstance().generateTag();
    }

    public String newBranch() {
        return Utils.getInstance().generateBranchId();
    }

    public String newCallId() {
        return Utils.getInstance().generateCallIdentifier(host());
    }

    /** {@code sip:user@domain}, the address of record of a local user. */
    public SipURI userUri(String user) {
        try {
            return addresses().createSipURI(user, domain);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a SIP user name: " + user, e);
        }
    }

    public Response createResponse(int status, Request request, String toTag) {
        try {
            Response response = messages().createResponse(status, request);
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (toTag != null && to.getTag() == null) {
                to.setTag(toTag);
            }
            return response;
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build a " + status + " response", e);
        }
    }

    /** The transport to reach {@code target} on: its transport parameter, else UDP when we listen on it. */
    public SipTransport transportFor(URI target) {
        if (target instanceof SipURI sip && sip.getTransportParam() != null) {
            String wanted = sip.getTransportParam().toUpperCase(Locale.ROOT);
            for (SipTransport t : transports) {
                if (t.token().equals(wanted)) {
                    return t;
                }
            }
        }
        return transports.contains(SipTransport.UDP) ? SipTransport.UDP : SipTransport.TCP;
    }

    /** The transport a request came in on, for answers that name our address (Contact). */
    public SipTransport transportOf(SipSource source) {
        for (SipTransport t : transports) {
            if (t.token().equalsIgnoreCase(source.transport())) {
                return t;
            }
        }
        return transports.contains(SipTransport.UDP) ? SipTransport.UDP : SipTransport.TCP;
    }

    /** A Via for a new client transaction of ours, with a fresh branch. */
    public ViaHeader newVia(SipTransport transport) {
        try {
            return headers().createViaHeader(host(), port(transport), transport.token(), newBranch());
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot build our own Via", e);
        }
    }

    /** The server's own Contact, e.g. for NOTIFYs: {@code <sip:host:port;transport=..>}. */
    public ContactHeader ownContact(SipTransport transport) {
        try {
            SipURI uri = addresses().createSipURI(null, host());
            uri.setPort(port(transport));
            uri.setTransportParam(transport.token().toLowerCase(Locale.ROOT));
            Address address = addresses().createAddress(uri);
            return headers().createContactHeader(address);
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build our own Contact", e);
        }
    }

    /**
     * Sends {@code request} (which must already carry our Via on top) in a new client transaction;
     * its response or timeout reaches {@code handler}.
     *
     * @throws SipException when the transport cannot send it (unreachable target, closed stack)
     */
    public ClientTransaction send(Request request, ResponseHandler handler) throws SipException {
        PendingRequests.Tracked tracked = pending.track(handler);
        try {
            ClientTransaction transaction = endpoint().provider().getNewClientTransaction(request);
            transaction.setApplicationData(tracked);
            transaction.sendRequest();
            return transaction;
        } catch (SipException | RuntimeException e) {
            tracked.release();
            throw e;
        }
    }

    /** The server's requests awaiting a final response, and whether new relays must wait. */
    public PendingRequests pending() {
        return pending;
    }

    /** Forwards a request outside any transaction: an ACK for a 2xx, which is its own transaction. */
    public void sendStatelessRequest(Request request) throws SipException {
        endpoint().provider().sendRequest(request);
    }

    /** Sends a response outside any transaction: for requests refused before one is created. */
    public void sendStateless(Response response) {
        try {
            endpoint().provider().sendResponse(response);
        } catch (SipException | RuntimeException e) {
            LOG.debug("could not send stateless {}: {}", response.getStatusCode(), e.toString());
        }
    }
}
