package io.switchboard.sip.message;

import io.switchboard.sip.ua.transaction.IncomingRequest;
import io.switchboard.sip.ua.transaction.RateLimitedLog;
import io.switchboard.sip.ua.transaction.RequestProcessor;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import io.switchboard.core.model.Address;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers received MESSAGE requests on the JAIN-SIP thread: 200 and delivery for text/plain,
 * 200 and a composing event for RFC 3994 is-composing indications (400 when unreadable), 415/413/400 (rate-limited log line) otherwise.
 */
final class MessageProcessor implements RequestProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(MessageProcessor.class);
    private static final RateLimitedLog REFUSED = new RateLimitedLog(LOG, Duration.ofSeconds(10));

    private final Consumer<PagerMessage> delivery;
    private final BiConsumer<Address, IsComposing> composing;
    private final IsComposingCodec codec = new IsComposingCodec();
    private final Clock clock;

    MessageProcessor(Consumer<PagerMessage> delivery, BiConsumer<Address, IsComposing> composing, Clock clock) {
        this.delivery = delivery;
        this.composing = composing;
        this.clock = clock;
    }

    @Override
    public void process(IncomingRequest incoming) {
        if (PagerMessages.isComposingIndication(incoming.request())) {
            composing(incoming);
            return;
        }
        try {
            PagerMessage message = PagerMessages.read(incoming.request(), clock.instant());
            // handed on before the 200: the sender sends the next message on it, and SIP threads
            // in parallel could otherwise hand that one on first (two messages shown swapped; CI)
            delivery.accept(message);
            incoming.respond(Response.OK);
        } catch (PagerMessages.Refused e) {
            REFUSED.warn("MESSAGE from {} refused with {}: {}", incoming.request().getHeader("From"), e.status, e.getMessage());
            incoming.respond(e.status);
        }
    }

    private void composing(IncomingRequest incoming) {
        try {
            Address from = PagerMessages.sender(incoming.request());
            IsComposing indication = codec.parse(incoming.request().getRawContent());
            composing.accept(from, indication);
            incoming.respond(Response.OK);
        } catch (PagerMessages.Refused e) {
            REFUSED.warn("is-composing from {} refused: {}", incoming.request().getHeader("From"), e.getMessage());
            incoming.respond(e.status);
        } catch (IsComposingCodec.InvalidIsComposingException e) {
            REFUSED.warn("is-composing from {} refused: {}", incoming.request().getHeader("From"), e.getMessage());
            incoming.respond(Response.BAD_REQUEST);
        }
    }
}
