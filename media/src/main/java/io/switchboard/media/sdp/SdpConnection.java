package io.switchboard.media.sdp;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code c=} line (RFC 4566 5.7). The address is kept as written; {@code literal} holds it
 * parsed when it is an IP literal and is empty for a host name, which we never look up in DNS.
 *
 * @param addressType {@code IP4} or {@code IP6}
 * @param host        the address as written, without a multicast TTL or count suffix
 * @param literal     the parsed IP address, empty when {@code host} is a domain name
 */
record SdpConnection(String addressType, String host, Optional<InetAddress> literal) {

    SdpConnection {
        Objects.requireNonNull(addressType, "addressType");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(literal, "literal");
    }

    static SdpConnection of(InetAddress address) {
        return new SdpConnection(SdpAddresses.addressType(address), SdpAddresses.text(address),
                Optional.of(address));
    }

    /**
     * RFC 2543's hold: {@code c=IN IP4 0.0.0.0}. RFC 3264 8.4: the peer then wants neither RTP
     * nor RTCP. The IPv6 unspecified address is treated the same way.
     */
    boolean isHold() {
        return literal.map(InetAddress::isAnyLocalAddress).orElse(false);
    }

    /** The IP address to send to, or why we cannot use this connection line. */
    InetAddress requireUnicastLiteral(String what) throws UnacceptableSdpException {
        InetAddress address = literal.orElseThrow(() -> new UnacceptableSdpException(what
                + " gives the host name '" + host + "' instead of an IP address; we do not resolve"
                + " host names in SDP"));
        if (address.isMulticastAddress()) {
            throw new UnacceptableSdpException(what + " is the multicast address " + host
                    + "; only unicast calls are supported");
        }
        return address;
    }

    String text() {
        return "IN " + addressType + " " + host;
    }
}
