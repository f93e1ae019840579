package io.switchboard.app.phone;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.InvalidAddressException;

import java.util.Locale;

/**
 * Who the text in the dial box means: a contact's address or any {@code user@domain}, a
 * {@code sip:}/{@code sips:} URI, or a bare user name (or extension number) in my own domain, as
 * a desk phone dials an extension.
 */
public final class DialTarget {

    private DialTarget() {
    }

    /**
     * @param text what the user typed
     * @param self my address, whose domain a bare user name belongs to
     * @throws InvalidAddressException with a message for the user when the text names nobody
     */
    public static Address parse(String text, Address self) {
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty()) {
            throw new InvalidAddressException("Type a name, an address or a number to call");
        }
        String lower = typed.toLowerCase(Locale.ROOT);
        String scheme = lower.startsWith("sip:") ? "sip:" : lower.startsWith("sips:") ? "sips:" : "";
        String rest = typed.substring(scheme.length());
        if (rest.isBlank()) {
            throw new InvalidAddressException("'" + typed + "' names nobody to call");
        }
        if (rest.indexOf('@') < 0) {
            // a bare user (or a sip: URI without a host): someone in my own domain
            String user = rest.split("[;?]", 2)[0].strip();
            return Address.of(user, self.domain());
        }
        return Address.parse(typed);
    }
}
