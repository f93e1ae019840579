package io.switchboard.sip.csta;

/**
 * The ECMA-323 namespaces. Each edition has its own ({@code .../csta/ed2} to {@code ed5}) while the
 * elements this codec reads mean the same in all of them, so any edition is read; TR/87 peers write
 * edition 3, and so does {@link CstaWriter}. Documents without a namespace are read too, as some
 * gateways send them so.
 */
final class CstaNamespaces {

    static final String PREFIX = "http://www.ecma-international.org/standards/ecma-323/csta/";
    static final String WRITTEN = PREFIX + "ed3";

    private CstaNamespaces() {
    }

    /** Whether a root element in this namespace ("" for none) is CSTA. */
    static boolean isCsta(String namespace) {
        return namespace.isEmpty() || (namespace.startsWith(PREFIX) && namespace.length() > PREFIX.length());
    }
}
