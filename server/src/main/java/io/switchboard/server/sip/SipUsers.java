package io.switchboard.server.sip;

import java.util.Locale;
import java.util.Optional;
import javax.sip.address.SipURI;
import javax.sip.address.URI;

/**
 * Which local user a SIP URI names: {@code sip:alice@<domain>} (or {@code sips:}), compared
 * case-insensitively on the host; the user part is lower-cased like the store's names.
 */
public final class SipUsers {

    private final String domain;
    private final String listenHost;

    /**
     * @param listenHost the address the server listens on; phones often write it instead of the domain
     */
    public SipUsers(String domain, String listenHost) {
        this.domain = domain.toLowerCase(Locale.ROOT);
        this.listenHost = listenHost;
    }

    /** True when {@code uri}'s host is this server's domain or listening address. */
    public boolean isLocalDomain(URI uri) {
        if (!(uri instanceof SipURI sip) || sip.getHost() == null) {
            return false;
        }
        // equalsIgnoreCase, not a lower-cased copy: this runs twice per REGISTER and MESSAGE
        String host = sip.getHost();
        return host.equalsIgnoreCase(domain) || host.equalsIgnoreCase(listenHost);
    }

    /** The local user {@code uri} names, or empty for another domain or a URI without a user. */
    public Optional<String> localUser(URI uri) {
        if (!isLocalDomain(uri)) {
            return Optional.empty();
        }
        String user = ((SipURI) uri).getUser();
        return user == null || user.isEmpty() ? Optional.empty() : Optional.of(user.toLowerCase(Locale.ROOT));
    }
}
