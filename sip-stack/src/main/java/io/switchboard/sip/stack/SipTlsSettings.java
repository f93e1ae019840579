package io.switchboard.sip.stack;

import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * How a stack speaks TLS: the context whose key managers present our certificate (a server) and
 * whose trust managers judge the peer's (a client), and the port the TLS listening point binds.
 * TLS needs a port of its own: it is TCP too, so it cannot share the UDP/TCP port number.
 *
 * <p>Whatever the context allows, the stack negotiates only TLS 1.3 and 1.2 with forward-secret
 * cipher suites ({@link TlsNetworkLayer}).
 *
 * @param context  initialised SSL context, used for this stack only (no JVM-wide {@code javax.net.ssl} properties)
 * @param port     the TLS listening port; 0 picks a free one
 * @param observer told about the TLS connections the stack opens (a user agent's handshake failures)
 */
public record SipTlsSettings(SSLContext context, int port, TlsHandshakeObserver observer) {

    public SipTlsSettings(SSLContext context, int port) {
        this(context, port, TlsHandshakeObserver.NONE);
    }

    public SipTlsSettings {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(observer, "observer");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("TLS port out of range: " + port);
        }
    }
}
