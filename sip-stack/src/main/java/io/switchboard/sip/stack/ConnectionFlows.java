package io.switchboard.sip.stack;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which TLS connection reaches a peer's advertised address: a TLS user agent's Contact names its
 * listening point ({@code sip:alice@10.0.0.5:5071;transport=tls}), but it has no certificate to
 * accept connections with, and a phone behind NAT could not be reached there anyway. What does
 * reach it is the connection it opened to us. A server learns, from every request that arrives
 * over TLS, "Contact host:port is behind the connection from source host:port"; {@link FlowRouter}
 * then sends requests for that Contact to the source, and JAIN-SIP finds its cached connection
 * for it (RFC 5626's flow idea, without its {@code ob}/reg-id machinery).
 *
 * <p>Thread-safe; bounded (least recently learnt entries go first), so a client changing ports
 * cannot grow it without limit.
 */
public final class ConnectionFlows {

    /** One TLS connection's far end, as JAIN-SIP keys its cached sockets. */
    public record Flow(String host, int port) {
    }

    static final int MAX_FLOWS = 100_000;

    private final Map<String, Flow> flows = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Flow> eldest) {
            return size() > MAX_FLOWS;
        }
    };

    /** Remembers that {@code contactHost:contactPort} is reached over the connection from {@code source}. */
    public synchronized void remember(String contactHost, int contactPort, Flow source) {
        String key = key(contactHost, contactPort);
        flows.remove(key); // re-insert: the newest connection of a contact is the live one
        flows.put(key, source);
    }

    /** The connection to use for a TLS request to {@code host:port}, if a request came from there. */
    public synchronized Optional<Flow> flowTo(String host, int port) {
        return Optional.ofNullable(flows.get(key(host, port)));
    }

    public synchronized int size() {
        return flows.size();
    }

    private static String key(String host, int port) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h + ":" + port;
    }
}
