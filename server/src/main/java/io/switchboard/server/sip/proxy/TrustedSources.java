package io.switchboard.server.sip.proxy;

import io.switchboard.server.sip.transport.SipSource;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's own user agents (the CTI gateway's, in this process) whose requests the proxy takes
 * without digest: they act for local users — a desk line's owner calling out — and hold no
 * password. Trust is by UDP source address and port, which on loopback only this process can send
 * from while it holds the socket (the trust-domain idea of RFC 3325, kept inside one host).
 */
public final class TrustedSources {

    private final Set<String> sources = ConcurrentHashMap.newKeySet();

    /** Trusts UDP requests from {@code hostAndPort}. */
    public void trust(String hostAndPort) {
        sources.add(hostAndPort.toLowerCase(Locale.ROOT));
    }

    public void forget(String hostAndPort) {
        sources.remove(hostAndPort.toLowerCase(Locale.ROOT));
    }

    boolean isTrusted(SipSource source) {
        return source != null && "UDP".equalsIgnoreCase(source.transport())
                && sources.contains((source.address() + ":" + source.port()).toLowerCase(Locale.ROOT));
    }
}
