package io.switchboard.directory;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Checks that a directory's certificate was issued for the host name we were configured with
 * (RFC 4513 §3.1.3, RFC 6125): an IP address against the iPAddress subject alternative names,
 * a DNS name against the dNSName ones (a wildcard stands for the whole leftmost label only), and
 * the subject's CN only when the certificate has no dNSName at all, as RFC 4513 still allows.
 *
 * <p>Why our own check: Apache Directory LDAP API 2.1.7 never turns on endpoint identification on
 * the MINA SSL filter, so nothing checks the host name; the JDK's checker is internal
 * (sun.security.util.HostnameChecker) and reachable only through an SSLEngine's parameters, where it
 * would compare with the name MINA derives from the socket address, reverse-resolved for an IP.
 * Checking against {@link DirectoryConfig#host()} is what the administrator configured.
 */
final class CertificateHostNames {

    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private CertificateHostNames() {
    }

    static void check(String host, X509Certificate certificate) throws CertificateException {
        if (isIpAddress(host)) {
            checkIp(host, certificate);
        } else {
            checkDns(host, certificate);
        }
    }

    private static boolean isIpAddress(String host) {
        return host.indexOf(':') >= 0 || IPV4.matcher(host).matches();
    }

    private static void checkIp(String host, X509Certificate certificate) throws CertificateException {
        InetAddress expected = literal(host);
        for (String ip : subjectAlternativeNames(certificate, IP_ADDRESS)) {
            if (expected != null && expected.equals(literal(ip))) {
                return;
            }
        }
        throw mismatch(host, certificate);
    }

    private static void checkDns(String host, X509Certificate certificate) throws CertificateException {
        String expected = asciiLowerCase(host);
        List<String> dnsNames = subjectAlternativeNames(certificate, DNS_NAME);
        List<String> candidates = dnsNames.isEmpty() ? commonNames(certificate) : dnsNames;
        for (String name : candidates) {
            if (matches(expected, asciiLowerCase(name))) {
                return;
            }
        }
        throw mismatch(host, certificate);
    }

    /** {@code pattern} is a name or {@code *.rest} with at least two labels in rest. */
    private static boolean matches(String host, String pattern) {
        if (!pattern.startsWith("*.")) {
            return host.equals(pattern);
        }
        String rest = pattern.substring(1); // ".example.com"
        int firstDot = host.indexOf('.');
        return rest.indexOf('.', 1) > 0 && firstDot > 0 && host.substring(firstDot).equals(rest);
    }

    private static String asciiLowerCase(String name) {
        String trimmed = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        try {
            return IDN.toASCII(trimmed, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notAName) {
            return trimmed.toLowerCase(Locale.ROOT);
        }
    }

    private static InetAddress literal(String ip) {
        String bare = ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
        if (!isIpAddress(bare)) {
            return null;
        }
        try {
            return InetAddress.getByName(bare); // a literal: no name service is asked
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }

    private static List<String> subjectAlternativeNames(X509Certificate certificate, int type)
            throws CertificateParsingException {
        Collection<List<?>> all = certificate.getSubjectAlternativeNames();
        List<String> names = new ArrayList<>();
        if (all != null) {
            for (List<?> entry : all) {
                if (entry.size() >= 2 && entry.get(0) instanceof Integer t && t == type
                        && entry.get(1) instanceof String name) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static List<String> commonNames(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    names.add(String.valueOf(rdn.getValue()));
                }
            }
        } catch (InvalidNameException unreadable) {
            // no usable CN: the certificate matches no host name
        }
        return names;
    }

    private static CertificateException mismatch(String host, X509Certificate certificate) {
        return new CertificateException("the directory's certificate (" + certificate.getSubjectX500Principal()
                + ") is not issued for host name " + host);
    }
}
