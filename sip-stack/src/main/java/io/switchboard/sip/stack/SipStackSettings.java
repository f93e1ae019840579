package io.switchboard.sip.stack;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What one SIP stack listens on and how much it accepts.
 *
 * @param name           a human-readable prefix for the stack's unique JAIN-SIP name and its log lines
 * @param host           the address to bind, e.g. {@code 127.0.0.1}; never "any" — JAIN-SIP writes it into Via
 * @param port           the port every transport listens on; 0 picks a free one
 * @param transports     the transports to listen on, all on the same port
 * @param maxMessageSize the largest SIP message accepted over a stream transport, in bytes; a peer that
 *                       sends more is disconnected (UDP is bounded by the datagram size anyway)
 * @param threadPoolSize threads that run the listener; above 1 requests of different transactions
 *                       are processed concurrently
 * @param tls            the SSL context and TLS port; required exactly when {@code transports} has TLS
 */
public record SipStackSettings(String name, String host, int port, Set<SipTransport> transports,
                               int maxMessageSize, int threadPoolSize, boolean leanTransactions,
                               SipTlsSettings tls) {

    /** 64 KiB: the largest UDP datagram, and far above any PIDF or MESSAGE we expect. */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 64 * 1024;
    public static final int DEFAULT_THREAD_POOL_SIZE = 4;

    public SipStackSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (transports == null || transports.isEmpty()) {
            throw new IllegalArgumentException("at least one transport is needed");
        }
        transports = Set.copyOf(transports);
        if (maxMessageSize < 1_024) {
            throw new IllegalArgumentException("maxMessageSize below 1 KiB cannot carry a SIP request: " + maxMessageSize);
        }
        if (threadPoolSize < 1) {
            throw new IllegalArgumentException("threadPoolSize must be positive: " + threadPoolSize);
        }
        if (transports.contains(SipTransport.TLS) && tls == null) {
            throw new IllegalArgumentException("listening on TLS needs TLS settings (an SSL context and a port)");
        }
    }

    public SipStackSettings(String name, String host, int port, Set<SipTransport> transports,
                            int maxMessageSize, int threadPoolSize, boolean leanTransactions) {
        this(name, host, port, transports, maxMessageSize, threadPoolSize, leanTransactions, null);
    }

    /** UDP and TCP on a free loopback port with default limits: what tests and the demo use. */
    public static SipStackSettings loopback(String name) {
        return new SipStackSettings(name, "127.0.0.1", 0, EnumSet.of(SipTransport.UDP, SipTransport.TCP),
                DEFAULT_MAX_MESSAGE_SIZE, DEFAULT_THREAD_POOL_SIZE, false);
    }

    public SipStackSettings withHost(String newHost) {
        return new SipStackSettings(name, newHost, port, transports, maxMessageSize, threadPoolSize, leanTransactions, tls);
    }

    public SipStackSettings withPort(int newPort) {
        return new SipStackSettings(name, host, newPort, transports, maxMessageSize, threadPoolSize, leanTransactions, tls);
    }

    public SipStackSettings withTransports(Set<SipTransport> newTransports) {
        return new SipStackSettings(name, host, port, newTransports, maxMessageSize, threadPoolSize, leanTransactions, tls);
    }

    public SipStackSettings withMaxMessageSize(int newMaxMessageSize) {
        return new SipStackSettings(name, host, port, transports, newMaxMessageSize, threadPoolSize, leanTransactions, tls);
    }

    public SipStackSettings withThreadPoolSize(int newThreadPoolSize) {
        return new SipStackSettings(name, host, port, transports, maxMessageSize, newThreadPoolSize, leanTransactions, tls);
    }

    /**
     * {@code true}: an answered transaction keeps only the bytes of its messages (JAIN-SIP's
     * {@code RELEASE_REFERENCES_STRATEGY=Normal}), not their parsed form — for a server that
     * never reads a transaction's request or last response back; a user agent does.
     */
    public SipStackSettings withLeanTransactions(boolean lean) {
        return new SipStackSettings(name, host, port, transports, maxMessageSize, threadPoolSize, lean, tls);
    }

    /**
     * Also listens on TLS with {@code newTls}'s context, on its own port. TLS is added to the
     * transports; null takes it away again.
     */
    public SipStackSettings withTls(SipTlsSettings newTls) {
        java.util.EnumSet<SipTransport> on = java.util.EnumSet.copyOf(transports);
        if (newTls == null) {
            on.remove(SipTransport.TLS);
        } else {
            on.add(SipTransport.TLS);
        }
        return new SipStackSettings(name, host, port, on, maxMessageSize, threadPoolSize, leanTransactions, newTls);
    }
}
