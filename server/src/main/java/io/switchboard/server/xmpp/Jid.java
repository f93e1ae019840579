package io.switchboard.server.xmpp;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.InvalidAddressException;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A JID as the server routes it (RFC 7622): optional local part, domain, optional resource.
 * Unlike core's {@link Address} it can name the server itself ({@code example.com}) and a
 * single device ({@code alice@example.com/laptop}). Local part and domain are normalised
 * the same way as {@link Address}; the resource is kept as is (it is case-sensitive).
 */
public record Jid(String local, String domain, String resource) {

    private static final int MAX_RESOURCE = 1023;

    public Jid {
        Objects.requireNonNull(domain, "domain");
        local = local == null || local.isEmpty() ? null : local;
        resource = resource == null || resource.isEmpty() ? null : resource;
    }

    /** Parses and validates; throws {@link InvalidAddressException} (maps to jid-malformed). */
    public static Jid parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidAddressException("JID is empty");
        }
        String s = text;
        String resource = null;
        int slash = s.indexOf('/');
        if (slash >= 0) {
            resource = s.substring(slash + 1);
            s = s.substring(0, slash);
            if (resource.isEmpty() || resource.length() > MAX_RESOURCE || resource.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidAddressException("JID '" + text + "' has an invalid resource");
            }
        }
        int at = s.indexOf('@');
        if (at < 0) {
            // domain-only JID: validate the domain through Address with a placeholder local part
            String domain = Address.of("x", s).domain();
            return new Jid(null, domain, resource);
        }
        Address bare = Address.fromJid(s);
        return new Jid(bare.local(), bare.domain(), resource);
    }

    public static Jid of(Address address, String resource) {
        return new Jid(address.local(), address.domain(), resource);
    }

    public static Jid domain(String domain) {
        return new Jid(null, domain.toLowerCase(Locale.ROOT), null);
    }

    public boolean hasLocal() {
        return local != null;
    }

    public boolean isFull() {
        return resource != null;
    }

    public Jid bare() {
        return resource == null ? this : new Jid(local, domain, null);
    }

    /** The user this JID names, if it names a user rather than a server. */
    public Optional<Address> address() {
        return local == null ? Optional.empty() : Optional.of(Address.of(local, domain));
    }

    public Jid withResource(String newResource) {
        return new Jid(local, domain, newResource);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (local != null) {
            b.append(local).append('@');
        }
        b.append(domain);
        if (resource != null) {
            b.append('/').append(resource);
        }
        return b.toString();
    }
}
