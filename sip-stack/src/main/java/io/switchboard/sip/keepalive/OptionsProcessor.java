package io.switchboard.sip.keepalive;

import io.switchboard.sip.ua.transaction.IncomingRequest;
import io.switchboard.sip.ua.transaction.RequestProcessor;
import java.text.ParseException;
import java.util.List;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers OPTIONS (RFC 3261 §11.2) with 200, the methods this user agent allows and the bodies it accepts. */
public final class OptionsProcessor implements RequestProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(OptionsProcessor.class);

    private final List<String> allowed;

    public OptionsProcessor(List<String> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    @Override
    public void process(IncomingRequest incoming) {
        Response ok = incoming.createResponse(Response.OK);
        try {
            for (String method : allowed) {
                ok.addHeader(incoming.endpoint().headerFactory().createAllowHeader(method));
            }
            ok.addHeader(incoming.endpoint().headerFactory().createAcceptHeader("application", "pidf+xml"));
            ok.addHeader(incoming.endpoint().headerFactory().createAcceptHeader("text", "plain"));
        } catch (ParseException e) {
            LOG.debug("OPTIONS answer headers refused", e);
        }
        incoming.send(ok);
    }
}
