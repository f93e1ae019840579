package io.switchboard.server.sip;

import io.switchboard.server.sip.transport.IncomingRequest;
import io.switchboard.server.sip.transport.RequestProcessor;

import java.text.ParseException;
import java.util.List;
import java.util.Objects;
import javax.sip.address.SipURI;
import javax.sip.message.Response;

/**
 * OPTIONS: addressed to the server itself (no user part, the usual keep-alive ping) it is answered
 * with 200 and what the server supports; addressed to a user it goes to {@code forUsers}.
 */
final class OptionsProcessor implements RequestProcessor {

    static final List<String> ALLOW = List.of("REGISTER", "OPTIONS", "INVITE", "ACK", "CANCEL", "BYE", "MESSAGE",
            "PUBLISH", "SUBSCRIBE", "NOTIFY");
    static final List<String> EVENTS = List.of("presence", "presence.winfo");

    private final RequestProcessor forUsers;

    OptionsProcessor(RequestProcessor forUsers) {
        this.forUsers = Objects.requireNonNull(forUsers, "forUsers");
    }

    @Override
    public void process(IncomingRequest in) {
        if (in.request().getRequestURI() instanceof SipURI sip && sip.getUser() != null) {
            forUsers.process(in);
            return;
        }
        Response ok = in.createResponse(Response.OK);
        try {
            // JAIN-SIP takes list headers one value at a time
            for (String method : ALLOW) {
                ok.addHeader(in.messaging().headers().createAllowHeader(method));
            }
            for (String event : EVENTS) {
                ok.addHeader(in.messaging().headers().createAllowEventsHeader(event));
            }
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        in.send(ok);
    }
}
