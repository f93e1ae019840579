package io.switchboard.sip.call;

import io.switchboard.core.model.Address;
import io.switchboard.sip.ua.SipContext;

import java.text.ParseException;
import java.util.List;
import java.util.Objects;

import javax.sip.header.FromHeader;
import javax.sip.message.Request;

/**
 * How an outgoing INVITE differs from a plain call by the account: the identity it is sent as and
 * headers it carries besides the usual ones. A third-party call controller (RFC 3725) calls a
 * user's desk phone as the party it will connect it to, asking it to answer by itself.
 *
 * @param from       the From address, or null for the account's own
 * @param fromName   the From display name, or null for none
 * @param headers    extra headers, each {@code Name: value}
 */
public record CallOptions(Address from, String fromName, List<ExtraHeader> headers) {

    /** A plain call by the account. */
    public static final CallOptions DEFAULT = new CallOptions(null, null, List.of());

    public CallOptions {
        headers = List.copyOf(Objects.requireNonNull(headers, "headers"));
    }

    /** The call is sent as {@code from} (shown as {@code name}, may be null). */
    public CallOptions sentAs(Address from, String name) {
        return new CallOptions(Objects.requireNonNull(from, "from"), name, headers);
    }

    /** The call carries {@code name: value} as well. */
    public CallOptions withHeader(String name, String value) {
        List<ExtraHeader> more = new java.util.ArrayList<>(headers);
        more.add(new ExtraHeader(name, value));
        return new CallOptions(from, fromName, more);
    }

    void applyTo(SipContext context, Request request) {
        try {
            if (from != null) {
                FromHeader current = (FromHeader) request.getHeader(FromHeader.NAME);
                javax.sip.address.Address address = context.sipAddress(from);
                if (fromName != null && !fromName.isBlank()) {
                    address.setDisplayName(fromName);
                }
                request.setHeader(context.headers().createFromHeader(address, current.getTag()));
            }
            for (ExtraHeader header : headers) {
                request.addHeader(context.headers().createHeader(header.name(), header.value()));
            }
        } catch (ParseException e) {
            throw new IllegalArgumentException("unusable call options " + this, e);
        }
    }

    /** One header line. */
    public record ExtraHeader(String name, String value) {
        public ExtraHeader {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (name.isBlank() || name.indexOf(':') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("not a header: " + name + ": " + value);
            }
        }
    }
}
