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
 */
public record SipStackSettings(String name, String host, int port, Set<SipTransport> transports,
                               int maxMessageSize, int threadPoolSize, boolean leanTransactions) {

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
    }

    /** UDP and TCP on a free loopback port with default limits: what tests and the demo use. */
    public static SipStackSettings loopback(String name) {
        return new SipStackSettings(name, "127.0.0.1", 0, EnumSet.allOf(SipTransport.class),
                DEFAULT_MAX_MESSAGE_SIZE, DEFAULT_THREAD_POOL_SIZE, false);
    }

    public SipStackSettings withHost(String newHost) {
        return new SipStackSettings(name, newHost, port, transports, maxMessageSize, threadPoolSize, leanTransactions);
    }

    public SipStackSettings withPort(int newPort) {
        return new SipStackSettings(name, host, newPort, transports, maxMessageSize, threadPoolSize, leanTransactions);
    }

    public SipStackSettings withTransports(Set<SipTransport> newTransports) {
        return new SipStackSettings(name, host, port, newTransports, maxMessageSize, threadPoolSize, leanTransactions);
    }

    public SipStackSettings withMaxMessageSize(int newMaxMessageSize) {
        return new SipStackSettings(name, host, port, transports, newMaxMessageSize, threadPoolSize, leanTransactions);
    }

    public SipStackSettings withThreadPoolSize(int newThreadPoolSize) {
        return new SipStackSettings(name, host, port, transports, maxMessageSize, newThreadPoolSize, leanTransactions);
    }

    /**
     * {@code true}: an answered transaction keeps only the bytes of its messages (JAIN-SIP's
     * {@code RELEASE_REFERENCES_STRATEGY=Normal}), not their parsed form — for a server that
     * never reads a transaction's request or last response back; a user agent does.
     */
    public SipStackSettings withLeanTransactions(boolean lean) {
        return new SipStackSettings(name, host, port, transports, maxMessageSize, threadPoolSize, lean);
    }
}
