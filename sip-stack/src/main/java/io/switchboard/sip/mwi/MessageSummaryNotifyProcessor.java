package io.switchboard.sip.mwi;

import io.switchboard.sip.presence.watch.EventNotifyProcessor;
import io.switchboard.sip.presence.watch.ResourceSubscription;
import io.switchboard.sip.presence.watch.SubscriptionStatus;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Answers message-summary NOTIFYs on the JAIN-SIP thread (RFC 6665 §4.1.3, RFC 3842 §3.9) the way
 * every package's are answered: 481 for no known subscription, 489 for another package, 400 for a
 * bad Subscription-State or a malformed summary (the reason phrase says which line), 415 for a body
 * that is not {@code application/simple-message-summary}, otherwise 200. A refused NOTIFY changes
 * nothing: the subscription and the last good summary stay.
 */
final class MessageSummaryNotifyProcessor extends EventNotifyProcessor<MessageSummary> {

    private final Supplier<ResourceSubscription<MessageSummary>> subscription;
    private final MessageSummaryParser parser;

    MessageSummaryNotifyProcessor(Supplier<ResourceSubscription<MessageSummary>> subscription,
                                  MessageSummaryParser parser) {
        super(MessageSummary.EVENT, MessageSummary.CONTENT_TYPE, MessageSummary.CONTENT_SUBTYPE,
                LoggerFactory.getLogger(MessageSummaryNotifyProcessor.class));
        this.subscription = subscription;
        this.parser = parser;
    }

    @Override
    protected boolean knows(String callId) {
        ResourceSubscription<MessageSummary> current = subscription.get();
        return current != null && current.knows(callId);
    }

    @Override
    protected MessageSummary decode(byte[] body) throws MalformedBodyException {
        try {
            return parser.parse(body);
        } catch (MessageSummaryParseException e) {
            throw new MalformedBodyException("Malformed message summary", e);
        }
    }

    @Override
    protected void notified(String callId, long cseq, SubscriptionStatus status, Optional<MessageSummary> summary) {
        ResourceSubscription<MessageSummary> current = subscription.get();
        if (current != null) {
            current.notified(callId, cseq, status, summary);
        }
    }
}
