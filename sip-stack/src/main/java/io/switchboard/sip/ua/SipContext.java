package io.switchboard.sip.ua;

import io.switchboard.sip.stack.SipEndpoint;
import io.switchboard.sip.ua.transaction.OutgoingRequest;
import io.switchboard.sip.ua.transaction.RequestSender;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.RouteHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * What every manager of one user agent shares: the account, the stack, the proxy route, the sender,
 * the executor that runs all protocol state (one thread: managers need no locks) and the executor
 * listeners are called on. Builds out-of-dialog requests routed through the current proxy.
 */
public final class SipContext {

    private static final String USER_AGENT = "Switchboard";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SipAccount account;
    private final SipUserAgentSettings settings;
    private final SipEndpoint endpoint;
    private final ProxyRoute route;
    private final RequestSender sender;
    private final ScheduledExecutorService executor;
    private final Executor events;

    public SipContext(SipAccount account, SipUserAgentSettings settings, SipEndpoint endpoint, ProxyRoute route,
                      RequestSender sender, ScheduledExecutorService executor, Executor events) {
        this.account = Objects.requireNonNull(account, "account");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.route = Objects.requireNonNull(route, "route");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.events = Objects.requireNonNull(events, "events");
    }

    public SipAccount account() {
        return account;
    }

    public SipUserAgentSettings settings() {
        return settings;
    }

    public SipEndpoint endpoint() {
        return endpoint;
    }

    public ProxyRoute route() {
        return route;
    }

    /**
     * Whether signalling currently travels encrypted: the proxy in use is reached over TLS. Only
     * then may SDP carry SRTP keys (SDES, RFC 4568 §8.4). Follows failover: a TLS primary with a
     * UDP backup is not secure while on the backup.
     */
    public boolean signallingSecure() {
        return route.current().secure();
    }

    /** The protocol thread: every manager's state is touched only here. */
    public ScheduledExecutorService executor() {
        return executor;
    }

    /** Where listeners are called. */
    public Executor events() {
        return events;
    }

    /**
     * Runs {@code action} on the protocol thread and completes with the future it returns; fails
     * with {@link SipTransportException} once the user agent is closed.
     */
    public <T> CompletableFuture<T> onProtocolThread(java.util.function.Supplier<CompletableFuture<T>> action) {
        try {
            return CompletableFuture.supplyAsync(action, executor).thenCompose(future -> future);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new SipTransportException("the SIP user agent is closed", e));
        }
    }

    /** Runs {@code task} on the protocol thread; dropped once the user agent is closed. */
    public void execute(Runnable task) {
        try {
            executor.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            org.slf4j.LoggerFactory.getLogger(SipContext.class).debug("task dropped: the SIP user agent is closed");
        }
    }

    public CompletableFuture<Response> send(OutgoingRequest request) {
        return sender.send(request);
    }

    public HeaderFactory headers() {
        return endpoint.headerFactory();
    }

    public AddressFactory addresses() {
        return endpoint.addressFactory();
    }

    /** A random token for tags and ETags-free identifiers. */
    public static String newTag() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public CallIdHeader newCallId() {
        return endpoint.provider().getNewCallId();
    }

    /** The account's address of record as a JAIN-SIP address. */
    public Address self() {
        return sipAddress(account.address());
    }

    public Address sipAddress(io.switchboard.core.model.Address address) {
        try {
            return addresses().createAddress(address.toSipUri());
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a SIP address: " + address, e);
        }
    }

    /** {@code sip:domain}, the Request-URI of REGISTER. */
    public URI domainUri() {
        try {
            return addresses().createURI("sip:" + account.address().domain());
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a SIP domain: " + account.address().domain(), e);
        }
    }

    /** Our Contact for requests through {@code proxy}: this stack's address on the proxy's transport. */
    public ContactHeader contact(SipProxy proxy) {
        try {
            SipURI uri = addresses().createSipURI(account.address().local(),
                    endpoint.host() + ":" + endpoint.port(proxy.transport()));
            uri.setTransportParam(proxy.transport().token().toLowerCase(Locale.ROOT));
            return headers().createContactHeader(addresses().createAddress(uri));
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build our Contact", e);
        }
    }

    /**
     * A request outside any dialog, from the account, through {@code proxy} (Route with lr, Via on
     * the proxy's transport), with Max-Forwards, Contact and User-Agent.
     */
    public Request newRequest(String method, URI requestUri, Address to, String toTag, CallIdHeader callId,
                              String fromTag, long cseq, SipProxy proxy) {
        try {
            HeaderFactory headers = headers();
            ViaHeader via = headers.createViaHeader(endpoint.host(), endpoint.port(proxy.transport()),
                    proxy.transport().token(), null);
            via.setRPort();
            Request request = endpoint.messageFactory().createRequest(requestUri, method, callId,
                    headers.createCSeqHeader(cseq, method), headers.createFromHeader(self(), fromTag),
                    headers.createToHeader(to, toTag), List.of(via), headers.createMaxForwardsHeader(70));
            RouteHeader routeHeader = headers.createRouteHeader(addresses().createAddress(proxy.routeUri()));
            request.addHeader(routeHeader);
            request.addHeader(contact(proxy));
            request.addHeader(headers.createUserAgentHeader(List.of(USER_AGENT)));
            return request;
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot build " + method, e);
        }
    }

    /** The hop key {@code host:port} of a proxy, as ClientTransactions matches connection failures. */
    public static String hop(SipProxy proxy) {
        return proxy.host() + ":" + proxy.port();
    }
}
