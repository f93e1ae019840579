package io.switchboard.app.sip;

import io.switchboard.sip.ua.SipProxy;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local address a SIP session binds and puts in Via/Contact: the one the operating system
 * routes to the primary proxy from. A wildcard bind would put 0.0.0.0 into Via, and loopback is
 * right only for a proxy on this machine. Connecting a UDP socket only consults the routing
 * table; no packet is sent.
 */
public final class LocalSipAddress {

    private static final Logger LOG = LoggerFactory.getLogger(LocalSipAddress.class);
    private static final String LOOPBACK = "127.0.0.1";

    private LocalSipAddress() {
    }

    public static String towards(SipProxy proxy) {
        try {
            InetAddress target = InetAddress.getByName(proxy.host());
            if (target.isLoopbackAddress()) {
                return target.getHostAddress();
            }
            try (DatagramSocket probe = new DatagramSocket()) {
                probe.connect(new InetSocketAddress(target, proxy.port()));
                InetAddress local = probe.getLocalAddress();
                if (local != null && !local.isAnyLocalAddress()) {
                    return local.getHostAddress();
                }
            }
        } catch (UnknownHostException e) {
            // sign-in reports the unknown host as "unreachable"; the bind address does not matter then
            LOG.info("SIP proxy {} has no address: {}", proxy.host(), e.getMessage());
        } catch (java.io.IOException | RuntimeException e) {
            LOG.info("No route to the SIP proxy {}: {}", proxy, e.toString());
        }
        return LOOPBACK;
    }
}
