package io.switchboard.server.sip.mwi;

import io.switchboard.server.sip.presence.NotifyBodies;
import io.switchboard.server.sip.presence.Subscription;
import io.switchboard.server.store.StoreException;
import io.switchboard.server.store.VoiceMailbox;
import io.switchboard.sip.mwi.MessageSummary;
import io.switchboard.sip.mwi.MessageSummaryWriter;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the message-summary notifier of RFC 3842 says: the body of each NOTIFY is the user's mailbox
 * as a summary (the voice-message line, Message-Account = the address subscribed to). The
 * subscriptions themselves — authorisation, dialogs, refreshes, expiry — are the presence agent's,
 * as for presence.winfo; a mailbox change reaches them through
 * {@link io.switchboard.server.sip.presence.PresenceAgent#resourceChanged}.
 */
public final class MessageSummaryNotifications implements NotifyBodies {

    private static final Logger LOG = LoggerFactory.getLogger(MessageSummaryNotifications.class);

    private final Mailboxes mailboxes;
    private final MessageSummaryWriter writer = new MessageSummaryWriter();

    public MessageSummaryNotifications(Mailboxes mailboxes) {
        this.mailboxes = Objects.requireNonNull(mailboxes, "mailboxes");
    }

    @Override
    public byte[] body(Subscription subscription) {
        VoiceMailbox mailbox;
        try {
            mailbox = mailboxes.mailbox(subscription.presentity());
        } catch (StoreException e) {
            // no body: the subscriber keeps what it knew rather than being told "nothing waiting"
            LOG.warn("cannot read the voice mailbox of {}: {}", subscription.presentity(), e.getMessage());
            return null;
        }
        return writer.write(MessageSummary.voice(subscription.presentityUri(), mailbox.newMessages(),
                mailbox.oldMessages()));
    }
}
