package io.switchboard.server.cti;

import io.switchboard.core.model.Address;
import io.switchboard.sip.csta.DeviceId;

import java.util.Locale;
import java.util.Optional;

/**
 * CSTA device identifiers of our domain: a desk line or a party is named {@code sip:1001@domain},
 * {@code tel:1001} or just {@code 1001} / {@code bob} (the forms uaCSTA clients send); we send
 * {@code sip:user@domain}.
 */
final class DeskDevices {

    private final String domain;

    DeskDevices(String domain) {
        this.domain = domain.toLowerCase(Locale.ROOT);
    }

    /** The local user the device names; empty for another domain or an unreadable identifier. */
    Optional<String> localUser(DeviceId device) {
        if (device == null) {
            return Optional.empty();
        }
        String text = device.value().trim();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("tel:")) {
            text = text.substring(4);
        } else if (lower.startsWith("sip:") || lower.startsWith("sips:")) {
            text = text.substring(text.indexOf(':') + 1);
        }
        int parameters = text.indexOf(';');
        if (parameters >= 0) {
            text = text.substring(0, parameters);
        }
        String user = text;
        int at = text.lastIndexOf('@');
        if (at >= 0) {
            String host = text.substring(at + 1);
            int port = host.indexOf(':');
            if (port >= 0) {
                host = host.substring(0, port);
            }
            if (!host.equalsIgnoreCase(domain)) {
                return Optional.empty();
            }
            user = text.substring(0, at);
        }
        try {
            return Optional.of(Address.of(user, domain).local());
        } catch (RuntimeException e) { // InvalidAddressException: not a user name
            return Optional.empty();
        }
    }

    DeviceId device(String user) {
        return new DeviceId("sip:" + user + "@" + domain);
    }

    Address address(String user) {
        return Address.of(user, domain);
    }
}
