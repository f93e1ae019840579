package io.switchboard.sip.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Whether a certificate was issued for a name: its subjectAltName DNS names (a wildcard only as
 * the whole left-most label, RFC 6125 §6.4.3) and IP addresses. The common name is not consulted
 * (RFC 6125 §6.4.4: not when SANs are present, and every CA-issued certificate has them).
 */
final class CertificateNames {

    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    private CertificateNames() {
    }

    static boolean matches(X509Certificate certificate, String name) {
        String wanted = stripBrackets(name).toLowerCase(Locale.ROOT);
        Collection<List<?>> sans;
        try {
            sans = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return false;
        }
        if (sans == null) {
            return false;
        }
        for (List<?> san : sans) {
            int type = (Integer) san.get(0);
            String value = String.valueOf(san.get(1)).toLowerCase(Locale.ROOT);
            if (type == DNS_NAME && dnsMatches(value, wanted)) {
                return true;
            }
            if (type == IP_ADDRESS && sameAddress(value, wanted)) {
                return true;
            }
        }
        return false;
    }

    private static boolean dnsMatches(String pattern, String host) {
        if (pattern.startsWith("*.")) {
            int dot = host.indexOf('.');
            return dot > 0 && host.substring(dot + 1).equals(pattern.substring(2));
        }
        return pattern.equals(host);
    }

    private static boolean sameAddress(String certificateAddress, String host) {
        if (!looksLikeAddress(host)) {
            return false;
        }
        try {
            // literals only: getByName does not resolve them, and compares IPv6 forms correctly
            return InetAddress.getByName(certificateAddress).equals(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean looksLikeAddress(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
