package io.switchboard.server.xmpp.stream;

import io.switchboard.server.xmpp.xml.XmlStreamLimits;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Settings of the client-to-server listener. Build with {@link #builder(String)}; every value has a
 * safe default except the domain.
 *
 * @param domain                 the XMPP domain served (stream {@code to} must match it)
 * @param bindHost               address to listen on
 * @param port                   TCP port; 0 picks a free one (see {@link C2sServer#boundPort()})
 * @param tlsRequired            STARTTLS must be negotiated before anything else (RFC 6120 §5.3.1)
 * @param maxStanzaBytes         largest stanza accepted, in bytes
 * @param maxDepth               deepest element nesting accepted inside the stream
 * @param preAuthTimeout         time a connection has to authenticate, from TCP connect
 * @param idleTimeout            after authentication: close a connection that sent nothing for this
 *                               long (XEP-0199 pings and whitespace keep it alive)
 * @param maxAuthAttempts        failed SASL attempts per connection before it is closed
 * @param authFailureDelay       each SASL failure is answered only after this delay
 * @param maxAuthFailuresPerAddress failures per remote address within {@code authFailureWindow}
 *                               before further attempts get {@code temporary-auth-failure}
 * @param authFailureWindow      window of the per-address count
 * @param writeBufferLowBytes    outbound buffer low-water mark
 * @param writeBufferHighBytes   outbound buffer high-water mark: above it the channel is unwritable
 * @param slowClientTimeout      close a client whose outbound buffer stays above the high-water mark this long
 * @param maxPendingWriteBytes   close a client at once when this much output waits for it
 * @param ioThreads              Netty event-loop threads for connections (0: Netty's default)
 */
public record C2sSettings(String domain, String bindHost, int port, boolean tlsRequired,
                          int maxStanzaBytes, int maxDepth, Duration preAuthTimeout, Duration idleTimeout,
                          int maxAuthAttempts, Duration authFailureDelay, int maxAuthFailuresPerAddress,
                          Duration authFailureWindow, int writeBufferLowBytes, int writeBufferHighBytes,
                          Duration slowClientTimeout, int maxPendingWriteBytes, int ioThreads) {

    public C2sSettings {
        Objects.requireNonNull(domain, "domain");
        domain = domain.toLowerCase(Locale.ROOT);
        Objects.requireNonNull(bindHost, "bindHost");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxAuthAttempts < 1 || maxAuthFailuresPerAddress < 1) {
            throw new IllegalArgumentException("auth limits must be positive");
        }
        if (writeBufferLowBytes <= 0 || writeBufferHighBytes < writeBufferLowBytes
                || maxPendingWriteBytes < writeBufferHighBytes) {
            throw new IllegalArgumentException("need 0 < writeBufferLow <= writeBufferHigh <= maxPendingWrite");
        }
        requirePositive(preAuthTimeout, "preAuthTimeout");
        requirePositive(idleTimeout, "idleTimeout");
        requirePositive(authFailureWindow, "authFailureWindow");
        requirePositive(slowClientTimeout, "slowClientTimeout");
        Objects.requireNonNull(authFailureDelay, "authFailureDelay");
        new XmlStreamLimits(maxStanzaBytes, maxDepth); // validates
    }

    public XmlStreamLimits xmlLimits() {
        return new XmlStreamLimits(maxStanzaBytes, maxDepth);
    }

    public static Builder builder(String domain) {
        return new Builder(domain);
    }

    public Builder toBuilder() {
        Builder b = new Builder(domain);
        b.bindHost = bindHost;
        b.port = port;
        b.tlsRequired = tlsRequired;
        b.maxStanzaBytes = maxStanzaBytes;
        b.maxDepth = maxDepth;
        b.preAuthTimeout = preAuthTimeout;
        b.idleTimeout = idleTimeout;
        b.maxAuthAttempts = maxAuthAttempts;
        b.authFailureDelay = authFailureDelay;
        b.maxAuthFailuresPerAddress = maxAuthFailuresPerAddress;
        b.authFailureWindow = authFailureWindow;
        b.writeBufferLowBytes = writeBufferLowBytes;
        b.writeBufferHighBytes = writeBufferHighBytes;
        b.slowClientTimeout = slowClientTimeout;
        b.maxPendingWriteBytes = maxPendingWriteBytes;
        b.ioThreads = ioThreads;
        return b;
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** Builds {@link C2sSettings}; defaults are the production values. */
    public static final class Builder {
        private final String domain;
        private String bindHost = "0.0.0.0";
        private int port = 5222;
        private boolean tlsRequired = true;
        private int maxStanzaBytes = XmlStreamLimits.DEFAULT_MAX_STANZA_BYTES;
        private int maxDepth = XmlStreamLimits.DEFAULT_MAX_DEPTH;
        private Duration preAuthTimeout = Duration.ofSeconds(30);
        private Duration idleTimeout = Duration.ofMinutes(10);
        private int maxAuthAttempts = 3;
        private Duration authFailureDelay = Duration.ofSeconds(1);
        private int maxAuthFailuresPerAddress = 10;
        private Duration authFailureWindow = Duration.ofMinutes(5);
        private int writeBufferLowBytes = 32 * 1024;
        private int writeBufferHighBytes = 128 * 1024;
        private Duration slowClientTimeout = Duration.ofSeconds(30);
        private int maxPendingWriteBytes = 1024 * 1024;
        private int ioThreads;

        private Builder(String domain) {
            this.domain = domain;
        }

        public Builder bindHost(String v) { bindHost = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder tlsRequired(boolean v) { tlsRequired = v; return this; }
        public Builder maxStanzaBytes(int v) { maxStanzaBytes = v; return this; }
        public Builder maxDepth(int v) { maxDepth = v; return this; }
        public Builder preAuthTimeout(Duration v) { preAuthTimeout = v; return this; }
        public Builder idleTimeout(Duration v) { idleTimeout = v; return this; }
        public Builder maxAuthAttempts(int v) { maxAuthAttempts = v; return this; }
        public Builder authFailureDelay(Duration v) { authFailureDelay = v; return this; }
        public Builder maxAuthFailuresPerAddress(int v) { maxAuthFailuresPerAddress = v; return this; }
        public Builder authFailureWindow(Duration v) { authFailureWindow = v; return this; }
        public Builder writeBufferLowBytes(int v) { writeBufferLowBytes = v; return this; }
        public Builder writeBufferHighBytes(int v) { writeBufferHighBytes = v; return this; }
        public Builder slowClientTimeout(Duration v) { slowClientTimeout = v; return this; }
        public Builder maxPendingWriteBytes(int v) { maxPendingWriteBytes = v; return this; }
        public Builder ioThreads(int v) { ioThreads = v; return this; }

        public C2sSettings build() {
            return new C2sSettings(domain, bindHost, port, tlsRequired, maxStanzaBytes, maxDepth, preAuthTimeout,
                    idleTimeout, maxAuthAttempts, authFailureDelay, maxAuthFailuresPerAddress, authFailureWindow,
                    writeBufferLowBytes, writeBufferHighBytes, slowClientTimeout, maxPendingWriteBytes, ioThreads);
        }
    }
}
