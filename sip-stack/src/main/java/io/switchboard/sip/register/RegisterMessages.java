package io.switchboard.sip.register;

import io.switchboard.sip.ua.SipContext;
import java.util.ListIterator;
import javax.sip.InvalidArgumentException;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.MinExpiresHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** Writes the lifetime into REGISTER and reads the registrar's answer (RFC 3261 §10.2.4, §10.3). Stateless. */
final class RegisterMessages {

    private RegisterMessages() {
    }

    /** Expires both as header and as the Contact's parameter, as most registrars read either. */
    static void setExpires(SipContext context, Request request, int expires) {
        try {
            request.setHeader(context.headers().createExpiresHeader(expires));
            ((ContactHeader) request.getHeader(ContactHeader.NAME)).setExpires(expires);
        } catch (InvalidArgumentException e) {
            throw new IllegalArgumentException("bad expires " + expires, e);
        }
    }

    /**
     * The lifetime granted to {@code ours}: the expires parameter of the matching Contact of the 200,
     * else its Expires header, else what was asked for.
     */
    static int granted(Response response, URI ours, int requested) {
        ListIterator<?> contacts = response.getHeaders(ContactHeader.NAME);
        while (contacts.hasNext()) {
            ContactHeader contact = (ContactHeader) contacts.next();
            if (sameBinding(contact.getAddress().getURI(), ours) && contact.getExpires() >= 0) {
                return contact.getExpires();
            }
        }
        return response.getExpires() != null ? response.getExpires().getExpires() : requested;
    }

    /** Min-Expires of a 423, or -1 when the registrar did not say. */
    static int minExpires(Response response) {
        MinExpiresHeader header = (MinExpiresHeader) response.getHeader(MinExpiresHeader.NAME);
        return header == null ? -1 : header.getExpires();
    }

    private static boolean sameBinding(URI a, URI b) {
        if (a instanceof SipURI x && b instanceof SipURI y) {
            return x.getHost().equalsIgnoreCase(y.getHost()) && x.getPort() == y.getPort()
                    && java.util.Objects.equals(x.getUser(), y.getUser());
        }
        return a.equals(b);
    }
}
