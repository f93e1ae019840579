package io.switchboard.media.sdp;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads and writes the addresses of {@code c=} and {@code a=rtcp} lines without ever touching
 * DNS: IPv4 literals are parsed here, IPv6 literals only reach {@link InetAddress#getByName} when
 * they contain a colon (the JDK then parses them and never resolves), and anything that looks
 * like a domain name is kept as a name for the caller to refuse.
 */
final class SdpAddresses {

    private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern NUMERIC = Pattern.compile("[0-9.]+");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern DOMAIN_NAME = Pattern.compile(
            "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");

    private SdpAddresses() {
    }

    /**
     * Parses {@code <addrtype> <connection-address>}; a multicast suffix ({@code /ttl},
     * {@code /count}) is dropped.
     *
     * @param where names the line for error messages
     */
    static SdpConnection parse(String addressType, String address, String where) throws MalformedSdpException {
        String host = address.contains("/") ? address.substring(0, address.indexOf('/')) : address;
        if (addressType.equals("IP4")) {
            if (NUMERIC.matcher(host).matches()) {
                return new SdpConnection("IP4", host, Optional.of(ipv4(host, where)));
            }
        } else if (addressType.equals("IP6")) {
            if (host.contains(":")) {
                return new SdpConnection("IP6", host, Optional.of(ipv6(host, where)));
            }
            if (NUMERIC.matcher(host).matches()) {
                throw new MalformedSdpException(where + ": '" + host + "' is not an IPv6 address");
            }
        } else {
            throw new MalformedSdpException(where + ": address type '" + SdpText.excerpt(addressType)
                    + "' is neither IP4 nor IP6");
        }
        if (host.length() <= 253 && DOMAIN_NAME.matcher(host).matches()) {
            return new SdpConnection(addressType, host, Optional.empty());
        }
        throw new MalformedSdpException(where + ": '" + SdpText.excerpt(host) + "' is not an "
                + addressType + " address");
    }

    private static InetAddress ipv4(String host, String where) throws MalformedSdpException {
        if (!DOTTED_QUAD.matcher(host).matches()) {
            throw new MalformedSdpException(where + ": '" + host + "' is not an IPv4 address");
        }
        String[] parts = host.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int octet = Integer.parseInt(parts[i]);
            if (octet > 255) {
                throw new MalformedSdpException(where + ": '" + host + "' is not an IPv4 address");
            }
            bytes[i] = (byte) octet;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("four bytes are always an IPv4 address", impossible);
        }
    }

    private static InetAddress ipv6(String host, String where) throws MalformedSdpException {
        // Only hex digits, colons and dots: the JDK parses such a string as a literal and, since
        // it contains a colon, fails instead of falling back to a DNS lookup.
        if (!IPV6_CHARS.matcher(host).matches() || host.length() > 45) {
            throw new MalformedSdpException(where + ": '" + SdpText.excerpt(host) + "' is not an IPv6 address");
        }
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new MalformedSdpException(where + ": '" + host + "' is not an IPv6 address", e);
        }
    }

    static String addressType(InetAddress address) {
        return address instanceof Inet6Address ? "IP6" : "IP4";
    }

    /** The literal as SDP writes it: no brackets, no scope id. */
    static String text(InetAddress address) {
        String text = address.getHostAddress();
        int scope = text.indexOf('%');
        return scope < 0 ? text : text.substring(0, scope);
    }
}
