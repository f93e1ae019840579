package io.switchboard.sip.presence.watch;

import io.switchboard.core.model.Presence;
import io.switchboard.sip.presence.pidf.PidfAvailabilityMapping;
import io.switchboard.sip.presence.pidf.PidfParseException;
import io.switchboard.sip.presence.pidf.PidfParser;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Answers presence NOTIFYs on the JAIN-SIP thread (RFC 6665 §4.1.3): 481 for no known
 * subscription, 489 for another event package, 400 for a missing or malformed Subscription-State
 * or a malformed PIDF, 415 for a body that is not PIDF, otherwise 200; the parsed notification
 * then goes to the {@link PresenceWatcher} on the protocol thread. Parsing is bounded by the
 * PIDF parser's size limit and refuses DTDs and entities.
 */
final class NotifyProcessor extends EventNotifyProcessor<Presence> {

    private final PresenceWatcher watcher;
    private final PidfParser parser;
    private final PidfAvailabilityMapping mapping;
    private final Clock clock;

    NotifyProcessor(PresenceWatcher watcher, PidfParser parser, PidfAvailabilityMapping mapping, Clock clock) {
        super(SubscribeMessages.EVENT, SubscribeMessages.PIDF_TYPE, SubscribeMessages.PIDF_SUBTYPE,
                LoggerFactory.getLogger(NotifyProcessor.class));
        this.watcher = watcher;
        this.parser = parser;
        this.mapping = mapping;
        this.clock = clock;
    }

    @Override
    protected boolean knows(String callId) {
        return watcher.knows(callId);
    }

    @Override
    protected Presence decode(byte[] body) throws MalformedBodyException {
        try {
            return mapping.toPresence(parser.parse(body), clock.instant());
        } catch (PidfParseException e) {
            throw new MalformedBodyException("Malformed PIDF", e);
        }
    }

    @Override
    protected void notified(String callId, long cseq, SubscriptionStatus status, Optional<Presence> presence) {
        watcher.notified(callId, cseq, status, presence);
    }
}
