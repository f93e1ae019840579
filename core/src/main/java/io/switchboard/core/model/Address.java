package io.switchboard.core.model;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * One person's communication address, normalised so that the same user is the same
 * {@code Address} whether it arrived as a bare JID ({@code alice@example.com}), a full JID
 * ({@code alice@example.com/laptop}, the resource is dropped) or a SIP URI
 * ({@code sip:alice@example.com;transport=tcp}, {@code <sips:Alice@Example.COM>}).
 *
 * <p>Both parts are lower-cased: XMPP's nodeprep case-folds the local part, and a UC system
 * that joins SIP and XMPP identities must treat {@code Alice} and {@code alice} as one user,
 * as Cisco's presence server does. Garbage is rejected with an {@link InvalidAddressException}
 * that says what is wrong.
 */
public final class Address implements Comparable<Address> {

    /** RFC 7622 limits each JID part to 1023 octets. */
    static final int MAX_PART_LENGTH = 1023;
    /** Characters RFC 7622 forbids in a localpart, plus whitespace and controls. */
    /**
     * Besides control characters: RFC 7622's forbidden {@code "&'/:<>@} and whitespace
     * (Java's {@code \\s}: space, tab, line feed, vertical tab, form feed, carriage return).
     * Checked by a loop, not a pattern: every contact's address is made at each sign-in.
     */
    private static final String FORBIDDEN_IN_LOCAL = "\"&'/:<>@ \t\n\u000b\f\r";
    /** Domains already found valid (normalised): a contact list has a few domains, thousands of times. */
    private static final Map<String, String> VALID_DOMAINS = new ConcurrentHashMap<>();
    private static final int MAX_REMEMBERED_DOMAINS = 256;
    private static final Pattern DOMAIN_LABEL = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");

    private final String local;
    private final String domain;

    private Address(String local, String domain) {
        this.local = local;
        this.domain = domain;
    }

    /** Builds an address from its two parts, validating and normalising both. */
    public static Address of(String local, String domain) {
        return new Address(validLocal(local), validDomain(domain));
    }

    /**
     * Parses any accepted form: SIP/SIPS URI (optionally in angle brackets, with parameters
     * or headers), bare JID, or full JID.
     */
    public static Address parse(String text) {
        if (text == null) {
            throw new InvalidAddressException("address is missing");
        }
        String s = text.strip();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sip:") || lower.startsWith("sips:")) {
            return fromSipUri(s);
        }
        if (lower.startsWith("xmpp:")) {
            return fromJid(s.substring("xmpp:".length()));
        }
        return fromJid(s);
    }

    /** Parses a bare or full JID; a resource is accepted and dropped. */
    public static Address fromJid(String jid) {
        if (jid == null || jid.isBlank()) {
            throw new InvalidAddressException("address is empty");
        }
        String s = jid.strip();
        int slash = s.indexOf('/');
        if (slash >= 0) {
            if (slash == s.length() - 1) {
                throw new InvalidAddressException("'" + jid + "' has an empty resource after '/'");
            }
            s = s.substring(0, slash);
        }
        int at = s.indexOf('@');
        if (at < 0) {
            throw new InvalidAddressException("'" + jid + "' has no user part: expected user@domain");
        }
        if (s.indexOf('@', at + 1) >= 0) {
            throw new InvalidAddressException("'" + jid + "' contains more than one '@'");
        }
        return of(s.substring(0, at), s.substring(at + 1));
    }

    /** Parses {@code sip:} or {@code sips:} URIs; parameters, headers and a port are dropped. */
    public static Address fromSipUri(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new InvalidAddressException("SIP URI is empty");
        }
        String s = uri.strip();
        int colon = s.indexOf(':');
        String scheme = colon < 0 ? "" : s.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("sip") && !scheme.equals("sips")) {
            throw new InvalidAddressException("'" + uri + "' is not a sip: or sips: URI");
        }
        String rest = s.substring(colon + 1);
        int end = indexOfAny(rest, ";?");
        if (end >= 0) {
            rest = rest.substring(0, end);
        }
        int at = rest.lastIndexOf('@');
        if (at < 0) {
            throw new InvalidAddressException("'" + uri + "' has no user part: expected sip:user@domain");
        }
        String user = rest.substring(0, at);
        int password = user.indexOf(':');
        if (password >= 0) {
            user = user.substring(0, password);
        }
        String host = rest.substring(at + 1);
        host = stripPort(host, uri);
        return of(percentDecode(user, uri), host);
    }

    public String local() {
        return local;
    }

    public String domain() {
        return domain;
    }

    /** The bare JID form, {@code user@domain}. */
    public String toJid() {
        return local + "@" + domain;
    }

    /** The full JID form for one device. */
    public String toJid(String resource) {
        if (resource == null || resource.isBlank()) {
            return toJid();
        }
        return toJid() + "/" + resource;
    }

    /** The SIP URI form, {@code sip:user@domain}. */
    public String toSipUri() {
        return "sip:" + local + "@" + domain;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Address a && a.local.equals(local) && a.domain.equals(domain);
    }

    @Override
    public int hashCode() {
        // as Objects.hash(local, domain), without its array: addresses key every contact map
        return 31 * (31 + local.hashCode()) + domain.hashCode();
    }

    @Override
    public int compareTo(Address o) {
        int c = domain.compareTo(o.domain);
        return c != 0 ? c : local.compareTo(o.local);
    }

    /** The bare JID form; use {@link #toSipUri()} for SIP. */
    @Override
    public String toString() {
        return toJid();
    }

    private static String validLocal(String local) {
        if (local == null || local.isEmpty()) {
            throw new InvalidAddressException("user part is empty");
        }
        String l = local.toLowerCase(Locale.ROOT);
        if (l.length() > MAX_PART_LENGTH) {
            throw new InvalidAddressException("user part is longer than " + MAX_PART_LENGTH + " characters");
        }
        for (int i = 0; i < l.length(); i++) {
            char c = l.charAt(i);
            if (FORBIDDEN_IN_LOCAL.indexOf(c) >= 0 || c < 0x20 || c == 0x7f) {
                throw new InvalidAddressException("user part '" + printable(local) + "' contains the forbidden character '"
                        + printable(String.valueOf(c)) + "'");
            }
        }
        return l;
    }

    private static String validDomain(String domain) {
        if (domain == null || domain.isEmpty()) {
            throw new InvalidAddressException("domain is empty");
        }
        String known = VALID_DOMAINS.get(domain);
        if (known != null) {
            return known;
        }
        String valid = checkDomain(domain);
        if (VALID_DOMAINS.size() < MAX_REMEMBERED_DOMAINS) {   // bounded: domains come from the network
            VALID_DOMAINS.put(domain, valid);
        }
        return valid;
    }

    private static String checkDomain(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);   // a fully-qualified trailing dot names the same domain
        }
        if (d.length() > MAX_PART_LENGTH) {
            throw new InvalidAddressException("domain is longer than " + MAX_PART_LENGTH + " characters");
        }
        if (d.startsWith("[") && d.endsWith("]")) {
            String v6 = d.substring(1, d.length() - 1);
            if (v6.isEmpty() || !v6.matches("[0-9a-f:.]+") || !v6.contains(":")) {
                throw new InvalidAddressException("domain '" + printable(domain) + "' is not a valid IPv6 literal");
            }
            return d;
        }
        if (IPV4.matcher(d).matches()) {
            for (String octet : d.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    throw new InvalidAddressException("domain '" + domain + "' is not a valid IPv4 address");
                }
            }
            return d;
        }
        for (String label : d.split("\\.", -1)) {
            if (!DOMAIN_LABEL.matcher(label).matches()) {
                throw new InvalidAddressException("domain '" + printable(domain) + "' is not a valid host name");
            }
        }
        return d;
    }

    private static String stripPort(String host, String uri) {
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                throw new InvalidAddressException("'" + uri + "' has an unterminated IPv6 literal");
            }
            return host.substring(0, close + 1);
        }
        int colon = host.indexOf(':');
        if (colon >= 0) {
            String port = host.substring(colon + 1);
            if (!port.matches("\\d{1,5}")) {
                throw new InvalidAddressException("'" + uri + "' has an invalid port '" + port + "'");
            }
            return host.substring(0, colon);
        }
        return host;
    }

    private static String percentDecode(String user, String uri) {
        if (user.indexOf('%') < 0) {
            return user;
        }
        StringBuilder out = new StringBuilder(user.length());
        for (int i = 0; i < user.length(); i++) {
            char c = user.charAt(i);
            if (c == '%') {
                if (i + 2 >= user.length()) {
                    throw new InvalidAddressException("'" + uri + "' has a truncated %-escape");
                }
                try {
                    out.append((char) Integer.parseInt(user.substring(i + 1, i + 3), 16));
                } catch (NumberFormatException e) {
                    throw new InvalidAddressException("'" + uri + "' has an invalid %-escape");
                }
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
