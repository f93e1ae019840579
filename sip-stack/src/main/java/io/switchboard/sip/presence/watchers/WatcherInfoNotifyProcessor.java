package io.switchboard.sip.presence.watchers;

import io.switchboard.sip.presence.watch.EventNotifyProcessor;
import io.switchboard.sip.presence.watch.SubscriptionStatus;
import io.switchboard.sip.presence.winfo.WatcherInfo;
import io.switchboard.sip.presence.winfo.WatcherInfoParseException;
import io.switchboard.sip.presence.winfo.WatcherInfoParser;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Answers watcher-info NOTIFYs on the JAIN-SIP thread (RFC 6665 §4.1.3, RFC 3857): 481 for no known
 * subscription, 489 for another event package, 400 for a bad Subscription-State or a malformed
 * document, 415 for a body that is not {@code application/watcherinfo+xml}, otherwise 200; the
 * parsed document then goes to the {@link WatcherInfoSubscriber} on the protocol thread. Parsing is
 * bounded by the parser's size limit and refuses DTDs and entities.
 */
final class WatcherInfoNotifyProcessor extends EventNotifyProcessor<WatcherInfo> {

    private final WatcherInfoSubscriber subscriber;
    private final WatcherInfoParser parser;

    WatcherInfoNotifyProcessor(WatcherInfoSubscriber subscriber, WatcherInfoParser parser) {
        super(WatcherInfoMessages.EVENT, WatcherInfo.CONTENT_TYPE, WatcherInfo.CONTENT_SUBTYPE,
                LoggerFactory.getLogger(WatcherInfoNotifyProcessor.class));
        this.subscriber = subscriber;
        this.parser = parser;
    }

    @Override
    protected boolean knows(String callId) {
        return subscriber.knows(callId);
    }

    @Override
    protected WatcherInfo decode(byte[] body) throws MalformedBodyException {
        try {
            return parser.parse(body);
        } catch (WatcherInfoParseException e) {
            throw new MalformedBodyException("Malformed watcher information", e);
        }
    }

    @Override
    protected void notified(String callId, long cseq, SubscriptionStatus status, Optional<WatcherInfo> document) {
        subscriber.notified(callId, cseq, status, document);
    }
}
