package io.switchboard.sip.stack;

import gov.nist.core.CommonLogger;
import gov.nist.javax.sip.SipStackImpl;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.TooManyListenersException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.ObjectInUseException;
import javax.sip.PeerUnavailableException;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TransportNotSupportedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts JAIN-SIP stacks, each with one provider listening on every configured transport on one
 * port. Every stack gets a unique {@code javax.sip.STACK_NAME} and no {@code javax.sip.IP_ADDRESS}
 * (the address goes into the listening points), logs through SLF4J ({@link Slf4jStackLogger},
 * {@link Slf4jServerLogger}) and refuses stream messages above the configured size.
 *
 * <p>Stacks are built with {@code new SipStackImpl(properties)} instead of {@code SipFactory}: the
 * factory is a JVM-wide singleton that caches and returns an existing stack for a known name or
 * address, which is how a second stack on 127.0.0.1 silently turns out to be the first one.
 *
 * <p>Thread-safe; holds no state besides a counter for unique names.
 */
public final class SipStackFactory {

    private static final Logger LOG = LoggerFactory.getLogger(SipStackFactory.class);
    private static final AtomicLong SEQUENCE = new AtomicLong();
    /** Free-port probing can race with other processes binding the same port: retry a few times. */
    private static final int PORT_ATTEMPTS = 10;
    /** Gap allowed between reads of one TCP message: a peer that trickles bytes is cut off. */
    private static final int READ_TIMEOUT_MILLIS = 10_000;
    /** Live server (and client) transactions at most; ~5 KB each. */
    static final int MAX_TRANSACTIONS = 20_000;
    /**
     * What the UDP socket may hold while the server is busy, e.g. in a collection pause: JAIN-SIP
     * asks for 64 KiB, ~150 requests, which one 40 ms pause at 8,000 REGISTER/s overflowed. Linux
     * grants at most {@code net.core.rmem_max} (often 208 KiB; 4 MiB on our benchmark hosts).
     */
    static final int UDP_RECEIVE_BUFFER_BYTES = 1 << 20;
    /** How long a TLS handshake may take before JAIN-SIP closes the socket. */
    private static final int TLS_HANDSHAKE_TIMEOUT_MILLIS = 5_000;

    public SipStackFactory() {
        // JAIN-SIP's CommonLogger falls back to log4j 1.x (absent here) until a stack installs its
        // logger; installing ours first keeps message parsing before any stack from failing.
        if (CommonLogger.legacyLogger == null) {
            CommonLogger.legacyLogger = new Slf4jStackLogger();
        }
    }

    /**
     * Starts a stack, binds every transport of {@code settings} and registers {@code listener}.
     *
     * @throws SipStackException when the address cannot be bound or JAIN-SIP refuses the settings
     */
    public SipEndpoint start(SipStackSettings settings, SipListener listener) throws SipStackException {
        String stackName = settings.name() + "-" + SEQUENCE.incrementAndGet();
        ConnectionFlows flows = new ConnectionFlows();
        SipStack stack = newStack(stackName, settings, flows);
        try {
            List<ListeningPoint> points = bind(stack, settings);
            SipProvider provider = stack.createSipProvider(points.get(0));
            for (ListeningPoint extra : points.subList(1, points.size())) {
                provider.addListeningPoint(extra);
            }
            provider.addSipListener(listener);
            stack.start();
            int port = points.get(0).getPort();
            LOG.debug("SIP stack {} listening on {}:{} {}", stackName, settings.host(), port, settings.transports());
            return new SipEndpoint(stack, provider, listener, points, SipFactories.create(), settings.host(), port,
                    flows);
        } catch (TooManyListenersException | javax.sip.SipException e) {
            stack.stop();
            throw new SipStackException("cannot start SIP stack " + stackName + ": " + e.getMessage(), e);
        } catch (SipStackException | RuntimeException e) {
            stack.stop();
            throw e;
        }
    }

    private static SipStack newStack(String stackName, SipStackSettings settings, ConnectionFlows flows)
            throws SipStackException {
        Properties properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", stackName);
        properties.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        properties.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
        // unparseable messages: DEBUG each plus a rate-limited WARN summary, not JAIN-SIP's silence
        properties.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", ReportingMessageParserFactory.class.getName());
        properties.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(settings.maxMessageSize()));
        properties.setProperty("gov.nist.javax.sip.READ_TIMEOUT", Integer.toString(READ_TIMEOUT_MILLIS));
        properties.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(settings.threadPoolSize()));
        // UDP datagrams wait in a bounded queue, each with only its own bytes (not 64 KiB): the
        // unbounded queue of full-size buffers was what killed the server under a call storm
        properties.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY",
                CompactUdpMessageProcessorFactory.class.getName());
        properties.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", Boolean.toString(settings.threadPoolSize() > 1));
        // Bounded transaction tables. JAIN-SIP's are unbounded by default, and a non-INVITE server
        // transaction lives 32 s after its answer (Timer J): a MESSAGE flood of 3,200/s held
        // ~200,000 of them and the server died of OutOfMemoryError in its UDP reader, deaf for
        // good. Past the limit JAIN-SIP drops new requests (randomly from 80 % of it, all at it)
        // and makes a sender wait for a client transaction, so overload sheds load instead.
        properties.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", Integer.toString(MAX_TRANSACTIONS));
        properties.setProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", Integer.toString(MAX_TRANSACTIONS));
        properties.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", Integer.toString(UDP_RECEIVE_BUFFER_BYTES));
        if (settings.leanTransactions()) {
            // A completed transaction is kept 32 s only to match retransmissions: with "Normal"
            // it drops its parsed request (~8 KB of header objects) once answered and keeps the
            // bytes; at 1,600 REGISTER/s the parsed requests alone outgrew a 512 MB heap. Not for
            // user agents: it also drops the last response a client transaction keeps. Not
            // "Aggressive", which would also spare the encoding and the re-parse of every answered
            // request (~12 % of the CPU per relayed MESSAGE): JAIN-SIP then matches a request
            // without an RFC 3261 branch against a completed transaction's dropped request and
            // fails with a NullPointerException, so such a request (RFC 4475 3.1.1.7) went unanswered.
            properties.setProperty("gov.nist.javax.sip.RELEASE_REFERENCES_STRATEGY", "Normal");
            // A proxy keeps no dialogs. Turning automatic dialogs off on the provider alone is not
            // enough: JAIN-SIP still made a client dialog for every proxied INVITE's 2xx and kept
            // it, waiting for an ACK the proxy never sends, until a timer killed it (~1 KB + the
            // messages each; at 400 calls/s the heap filled and the server died).
            properties.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        }
        // JAIN-SIP's default timer is a java.util.Timer: a cancelled task (the Timer J of a
        // transaction ended early) stays in its queue, holding the transaction, until it is due.
        // Ours is a hashed wheel: a cancelled timer goes at the next tick, and scheduling costs
        // the same however many timers are pending (see WheelSipTimer).
        properties.setProperty("gov.nist.javax.sip.TIMER_CLASS_NAME", WheelSipTimer.class.getName());
        if (settings.tls() != null) {
            tlsProperties(properties, stackName, settings.tls(), flows);
        } else {
            // signalling marked DSCP CS3 (the TLS network layer marks its sockets too)
            properties.setProperty("gov.nist.javax.sip.NETWORK_LAYER", SignallingNetworkLayer.class.getName());
        }
        try {
            return new SipStackImpl(properties);
        } catch (PeerUnavailableException | RuntimeException e) {
            TlsNetworkLayer.withdraw(stackName);
            FlowRouter.withdraw(stackName);
            throw new SipStackException("JAIN-SIP refused the stack settings of " + stackName + ": " + e.getMessage(), e);
        }
    }

    /**
     * TLS through our own context (no JVM-wide {@code javax.net.ssl} properties), TLS 1.2+ with
     * forward-secret suites only, no client certificates asked for (SIP clients authenticate with
     * digest), and requests to a TLS client's Contact sent over the connection it opened.
     */
    private static void tlsProperties(Properties properties, String stackName, SipTlsSettings tls,
                                      ConnectionFlows flows) {
        TlsNetworkLayer.offer(stackName, tls);
        FlowRouter.offer(stackName, flows);
        properties.setProperty("gov.nist.javax.sip.NETWORK_LAYER", TlsNetworkLayer.class.getName());
        properties.setProperty("javax.sip.ROUTER_PATH", FlowRouter.class.getName());
        properties.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", String.join(",", TlsNetworkLayer.PROTOCOLS));
        properties.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES",
                String.join(",", TlsNetworkLayer.cipherSuites(tls.context())));
        properties.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
        // a peer that connects and never completes the handshake is cut off instead of holding a thread
        properties.setProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT", Integer.toString(TLS_HANDSHAKE_TIMEOUT_MILLIS));
    }

    private static List<ListeningPoint> bind(SipStack stack, SipStackSettings settings) throws SipStackException {
        List<ListeningPoint> points = new ArrayList<>(bindPlain(stack, settings));
        if (settings.transports().contains(SipTransport.TLS)) {
            points.add(bindTls(stack, settings));
        }
        return points;
    }

    /** UDP and TCP on one port, the configured one or a free one found by probing. */
    private static List<ListeningPoint> bindPlain(SipStack stack, SipStackSettings settings) throws SipStackException {
        if (plainTransports(settings).isEmpty()) {
            return List.of();
        }
        if (settings.port() != 0) {
            return bindAll(stack, settings, settings.port());
        }
        SipStackException last = null;
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            try {
                return bindAll(stack, settings, freeTcpPort(settings.host()));
            } catch (SipStackException e) {
                // the probed port was free for TCP but not (or no longer) for UDP: try another
                last = e;
            }
        }
        throw new SipStackException("no free port for " + plainTransports(settings) + " on " + settings.host()
                + " after " + PORT_ATTEMPTS + " attempts", last);
    }

    /**
     * TLS on its own port, bound apart from UDP/TCP: inside their probing loop a taken TLS port would
     * be tried again, and JAIN-SIP hands back the listening point whose socket failed to bind the
     * first time, so the port would look bound.
     */
    private static ListeningPoint bindTls(SipStack stack, SipStackSettings settings) throws SipStackException {
        if (settings.tls().port() != 0) {
            return bindTls(stack, settings, settings.tls().port());
        }
        SipStackException last = null;
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            try {
                // a fresh port each time: JAIN-SIP's stale point for a failed one is never asked for again
                return bindTls(stack, settings, freeTcpPort(settings.host()));
            } catch (SipStackException e) {
                last = e;
            }
        }
        throw new SipStackException("no free TLS port on " + settings.host() + " after " + PORT_ATTEMPTS + " attempts",
                last);
    }

    private static ListeningPoint bindTls(SipStack stack, SipStackSettings settings, int port) throws SipStackException {
        try {
            return stack.createListeningPoint(settings.host(), port, SipTransport.TLS.token());
        } catch (InvalidArgumentException | TransportNotSupportedException e) {
            throw new SipStackException("cannot listen for TLS on " + settings.host() + ":" + port + ": "
                    + e.getMessage(), e);
        }
    }

    private static List<SipTransport> plainTransports(SipStackSettings settings) {
        return settings.transports().stream()
                .filter(transport -> transport != SipTransport.TLS)
                .sorted(Comparator.naturalOrder())
                .toList();
    }

    private static List<ListeningPoint> bindAll(SipStack stack, SipStackSettings settings, int port)
            throws SipStackException {
        List<ListeningPoint> points = new ArrayList<>();
        try {
            for (SipTransport transport : plainTransports(settings)) {
                points.add(stack.createListeningPoint(settings.host(), port, transport.token()));
            }
            return points;
        } catch (InvalidArgumentException | TransportNotSupportedException e) {
            deleteAll(stack, points);
            throw new SipStackException("cannot listen on " + settings.host() + ":" + port + ": " + e.getMessage(), e);
        }
    }

    private static void deleteAll(SipStack stack, List<ListeningPoint> points) {
        for (ListeningPoint point : points) {
            try {
                stack.deleteListeningPoint(point);
            } catch (ObjectInUseException e) {
                LOG.debug("listening point {} still in use while rolling back", point, e);
            }
        }
    }

    private static int tlsPort(SipStackSettings settings) throws SipStackException {
        return settings.tls().port() != 0 ? settings.tls().port() : freeTcpPort(settings.host());
    }

    private static int freeTcpPort(String host) throws SipStackException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new SipStackException("cannot bind " + host + ": " + e.getMessage(), e);
        }
    }
}
