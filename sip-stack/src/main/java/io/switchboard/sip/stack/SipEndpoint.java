package io.switchboard.sip.stack;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sip.ListeningPoint;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running JAIN-SIP stack with its provider, listening on {@link #host()}:{@link #port()} for
 * every transport it was started with, and the factories to build messages for it. Created by
 * {@link SipStackFactory}; {@link #close()} stops the stack and frees the port (JAIN-SIP needs
 * about a second for that). The provider is thread-safe as JAIN-SIP documents; the listener is
 * called on the stack's threads.
 */
public final class SipEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SipEndpoint.class);

    private final SipStack stack;
    private final SipProvider provider;
    private final SipListener listener;
    private final List<ListeningPoint> listeningPoints;
    private final SipFactories factories;
    private final String host;
    private final int port;
    private final ConnectionFlows flows;
    private final AtomicBoolean closed = new AtomicBoolean();

    SipEndpoint(SipStack stack, SipProvider provider, SipListener listener, List<ListeningPoint> listeningPoints,
                SipFactories factories, String host, int port, ConnectionFlows flows) {
        this.stack = Objects.requireNonNull(stack, "stack");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.listeningPoints = List.copyOf(listeningPoints);
        this.factories = Objects.requireNonNull(factories, "factories");
        this.host = host;
        this.port = port;
        this.flows = Objects.requireNonNull(flows, "flows");
    }

    /** The unique JAIN-SIP stack name, also used in log lines. */
    public String name() {
        return stack.getStackName();
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The port of {@code transport}'s listening point: the shared UDP/TCP port, or TLS's own. */
    public int port(SipTransport transport) {
        return listeningPoint(transport).getPort();
    }

    /** Whether this endpoint listens on {@code transport}. */
    public boolean listensOn(SipTransport transport) {
        return listeningPoints.stream().anyMatch(lp -> lp.getTransport().equalsIgnoreCase(transport.token()));
    }

    /**
     * The TLS connections clients opened, by the Contact address they announced: a server records
     * them ({@link ConnectionFlows#remember}) so requests to those clients reuse the connection.
     * Only consulted on stacks that listen on TLS.
     */
    public ConnectionFlows flows() {
        return flows;
    }

    public SipProvider provider() {
        return provider;
    }

    public MessageFactory messageFactory() {
        return factories.messages();
    }

    public HeaderFactory headerFactory() {
        return factories.headers();
    }

    public AddressFactory addressFactory() {
        return factories.addresses();
    }

    /** The listening point of a transport this endpoint was started with. */
    public ListeningPoint listeningPoint(SipTransport transport) {
        return listeningPoints.stream()
                .filter(lp -> lp.getTransport().equalsIgnoreCase(transport.token()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name() + " does not listen on " + transport));
    }

    /** Stops the stack: pending transactions end, sockets close. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        provider.removeSipListener(listener);
        try {
            stack.stop();
        } catch (RuntimeException e) {
            // JAIN-SIP's stop walks its channel lists without a lock: a channel that a listener
            // thread is still adding or removing (a stop right after start, or while a peer
            // connects) fails it with a ConcurrentModificationException or an NPE. The second
            // pass closes what the first left open.
            LOG.debug("SIP stack {} did not stop cleanly ({}); stopping again", name(), e.toString());
            try {
                stack.stop();
            } catch (RuntimeException again) {
                LOG.warn("SIP stack {} on {}:{} did not stop cleanly: {}", name(), host, port, again.toString());
            }
        }
        LOG.debug("SIP stack {} on {}:{} stopped", name(), host, port);
    }
}
