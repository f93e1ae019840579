package io.switchboard.server.config;

/**
 * The XCAP server (RFC 4825) for presence authorisation rules (RFC 5025): SIP clients answer watch
 * requests by writing their pres-rules document over HTTP with digest authentication (ADR 0019).
 *
 * @param enabled          whether the server listens for XCAP; it only does with SIP enabled too (it
 *                         serves SIP clients, and a file that turns SIP off need not know about XCAP)
 * @param bindHost         address the HTTP listener binds to; 127.0.0.1 keeps it on this machine
 * @param port             TCP port; 5062 by default (next to SIP's 5060), 0 picks a free one (tests)
 * @param maxDocumentBytes largest request body accepted; larger ones get 413
 */
public record XcapConfig(boolean enabled, String bindHost, int port, int maxDocumentBytes) {

    /** The path under which documents are served: the XCAP root is {@code http://host:port/xcap-root}. */
    public static final String ROOT_PATH = "/xcap-root";
    public static final int DEFAULT_PORT = 5062;

    public static XcapConfig defaults() {
        return new XcapConfig(true, "127.0.0.1", DEFAULT_PORT, 65_536);
    }

    public XcapConfig withPort(int newPort) {
        return new XcapConfig(enabled, bindHost, newPort, maxDocumentBytes);
    }

    public XcapConfig withEnabled(boolean on) {
        return new XcapConfig(on, bindHost, port, maxDocumentBytes);
    }

    public XcapConfig withMaxDocumentBytes(int bytes) {
        return new XcapConfig(enabled, bindHost, port, bytes);
    }
}
