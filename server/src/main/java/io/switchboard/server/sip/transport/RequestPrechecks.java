package io.switchboard.server.sip.transport;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ProxyRequireHeader;
import javax.sip.header.RequireHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The checks RFC 3261 puts before any method's logic, for requests JAIN-SIP parsed (RFC 4475
 * 3.1.2.16, 3.3.2, 3.3.3, 3.3.5): a SIP version other than 2.0 is 505 (8.2 / 21.5.7), a
 * Request-URI scheme other than sip/sips is 416 (8.2.2.1), and an option tag the server does not
 * support is 420 with the tags in Unsupported (8.2.2.3 for Require, 16.3 for Proxy-Require). The
 * server supports no option tag in Require; Require is checked only for the methods it answers
 * itself as the UAS (a proxy leaves Require to the UAS), Proxy-Require for every request.
 */
public final class RequestPrechecks {

    /** A refusal: the status and the header fields it needs. */
    public record Refusal(int status, List<Header> headers) {
    }

    private static final Set<String> SCHEMES = Set.of("sip", "sips");
    private static final Set<String> UAS_METHODS = Set.of(Request.REGISTER, Request.PUBLISH, Request.SUBSCRIBE);

    /** @param headers to build the Unsupported header fields of a 420 */
    public Optional<Refusal> check(Request request, HeaderFactory headers) {
        // JAIN-SIP rewrites any version to SIP/2.0 while parsing; the parser factory marks the original
        if (request instanceof gov.nist.javax.sip.message.SIPMessage message
                && message.getApplicationData() instanceof io.switchboard.sip.stack.UnsupportedSipVersion) {
            return Optional.of(new Refusal(Response.VERSION_NOT_SUPPORTED, List.of()));
        }
        String scheme = request.getRequestURI().getScheme();
        if (scheme == null || !SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
            return Optional.of(new Refusal(Response.UNSUPPORTED_URI_SCHEME, List.of()));
        }
        String method = request.getMethod();
        if (Request.ACK.equals(method) || Request.CANCEL.equals(method)) {
            return Optional.empty(); // never 420 (RFC 3261 8.2.2.3)
        }
        List<String> unsupported = new ArrayList<>(optionTags(request, ProxyRequireHeader.NAME));
        if (UAS_METHODS.contains(method)) {
            unsupported.addAll(optionTags(request, RequireHeader.NAME));
        }
        if (unsupported.isEmpty()) {
            return Optional.empty();
        }
        List<Header> unsupportedHeaders = new ArrayList<>();
        try {
            for (String tag : unsupported) {
                unsupportedHeaders.add(headers.createUnsupportedHeader(tag));
            }
        } catch (ParseException e) {
            unsupportedHeaders.clear(); // a tag JAIN-SIP parsed cannot fail here; answer without the list
        }
        return Optional.of(new Refusal(Response.BAD_EXTENSION, unsupportedHeaders));
    }

    private static List<String> optionTags(Request request, String name) {
        List<String> tags = new ArrayList<>();
        ListIterator<?> it = request.getHeaders(name);
        while (it != null && it.hasNext()) {
            Object header = it.next();
            if (header instanceof javax.sip.header.OptionTag tag && tag.getOptionTag() != null) {
                tags.add(tag.getOptionTag().strip());
            }
        }
        return tags;
    }
}
