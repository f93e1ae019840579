package io.switchboard.server.config;

/**
 * The client-to-server XMPP listener (RFC 6120).
 *
 * @param bindHost           address the listener binds to; 127.0.0.1 keeps a demo server off the network
 * @param port               TCP port; 5222 is the registered xmpp-client port, 0 picks a free one (tests)
 * @param tlsRequired        refuse to authenticate before STARTTLS, so passwords never cross the wire in clear
 * @param maxStanzaBytes     largest stanza a client may send; larger ones close the stream with policy-violation
 * @param authTimeoutSeconds time a new connection has to finish TLS and SASL before it is dropped
 * @param idleTimeoutSeconds time without any data from a signed-in client before the server checks it with a ping
 */
public record C2sConfig(String bindHost, int port, boolean tlsRequired, int maxStanzaBytes,
                        int authTimeoutSeconds, int idleTimeoutSeconds) {

    public static C2sConfig defaults() {
        return new C2sConfig("127.0.0.1", 5222, true, 262_144, 30, 900);
    }

    public C2sConfig withPort(int newPort) {
        return new C2sConfig(bindHost, newPort, tlsRequired, maxStanzaBytes, authTimeoutSeconds, idleTimeoutSeconds);
    }
}
