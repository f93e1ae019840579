package io.switchboard.sip.dialog;

import io.switchboard.sip.presence.watch.EventNotifyProcessor;
import io.switchboard.sip.presence.watch.SubscriptionStatus;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Answers dialog NOTIFYs on the JAIN-SIP thread the way every package's are answered (481 for no
 * known subscription, 489 for another package, 400 for a bad Subscription-State or a malformed
 * dialog-info, 415 for another body type, otherwise 200), then hands them to the
 * {@link LineStateWatcher}. A refused NOTIFY changes nothing: the last good state stays.
 */
final class DialogNotifyProcessor extends EventNotifyProcessor<DialogInfo> {

    private final LineStateWatcher watcher;
    private final DialogInfoParser parser;

    DialogNotifyProcessor(LineStateWatcher watcher, DialogInfoParser parser) {
        super(DialogInfo.EVENT, DialogInfo.CONTENT_TYPE, DialogInfo.CONTENT_SUBTYPE,
                LoggerFactory.getLogger(DialogNotifyProcessor.class));
        this.watcher = watcher;
        this.parser = parser;
    }

    @Override
    protected boolean knows(String callId) {
        return watcher.knows(callId);
    }

    @Override
    protected DialogInfo decode(byte[] body) throws MalformedBodyException {
        try {
            return parser.parse(body);
        } catch (DialogInfoParseException e) {
            throw new MalformedBodyException("Malformed dialog-info", e);
        }
    }

    @Override
    protected void notified(String callId, long cseq, SubscriptionStatus status, Optional<DialogInfo> info) {
        watcher.notified(callId, cseq, status, info);
    }
}
