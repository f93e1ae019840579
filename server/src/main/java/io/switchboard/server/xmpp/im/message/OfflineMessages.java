package io.switchboard.server.xmpp.im.message;

import io.switchboard.core.model.Address;
import io.switchboard.server.store.OfflineMessageStore;
import io.switchboard.server.store.StoreException;
import io.switchboard.server.xmpp.im.Addressing;
import io.switchboard.server.xmpp.im.Namespaces;
import io.switchboard.server.xmpp.im.ResourceSession;
import io.switchboard.server.xmpp.im.StanzaError;
import io.switchboard.server.xmpp.im.StanzaException;
import io.switchboard.server.xmpp.im.StoredStanzaReader;
import io.switchboard.server.xmpp.xml.XmlElement;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offline storage (XEP-0160): keeps messages for users with no available resource, stamped
 * with a XEP-0203 delay, and hands them over (then deletes them) when the user next sends
 * initial presence with a non-negative priority.
 */
public final class OfflineMessages {

    private static final Logger LOG = LoggerFactory.getLogger(OfflineMessages.class);

    private final OfflineMessageStore store;
    private final Addressing addressing;
    private final StoredStanzaReader reader;
    private final Clock clock;

    public OfflineMessages(OfflineMessageStore store, Addressing addressing, StoredStanzaReader reader, Clock clock) {
        this.store = store;
        this.addressing = addressing;
        this.reader = reader;
        this.clock = clock;
    }

    /**
     * Stores a message for {@code recipient}. Standalone chat-state notifications are dropped:
     * "is typing" means nothing hours later (XEP-0085 §5.4).
     *
     * @throws StanzaException resource-constraint when the recipient's quota is full
     */
    public void store(Address recipient, XmlElement message) throws StoreException, StanzaException {
        if (onlyChatStates(message)) {
            return;
        }
        Instant now = clock.instant();
        XmlElement delay = XmlElement.builder("delay", Namespaces.DELAY)
                .attr("from", addressing.domain())
                .attr("stamp", DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS)))
                .text("Offline Storage")
                .build();
        XmlElement stamped = message.toBuilder().child(delay).build();
        if (!store.store(Addressing.owner(recipient), stamped.toXml(), now)) {
            throw new StanzaException(StanzaError.RESOURCE_CONSTRAINT, "offline storage of " + recipient + " is full");
        }
        LOG.debug("Stored a message for offline {}", recipient);
    }

    /** Sends every stored message to {@code session}, then deletes them. */
    public void deliver(ResourceSession session) throws StoreException {
        String owner = Addressing.owner(session.user());
        List<OfflineMessageStore.OfflineMessage> messages = store.fetch(owner);
        if (messages.isEmpty()) {
            return;
        }
        List<Long> done = new ArrayList<>();
        for (OfflineMessageStore.OfflineMessage m : messages) {
            try {
                session.send(reader.read(m.stanzaXml()));
            } catch (XMLStreamException e) {
                // an unreadable row would otherwise block every later sign-in
                LOG.warn("Dropping unreadable offline message {} of {}", m.id(), owner, e);
            }
            done.add(m.id());
        }
        store.delete(owner, done);
        LOG.debug("Delivered {} offline message(s) to {}", done.size(), session);
    }

    /** A stored message, read back, for delivery over another protocol (ADR 0016). */
    public record Pending(long id, XmlElement message, Instant receivedAt) {
    }

    /** The messages stored for {@code user}, oldest first; unreadable rows are dropped. */
    public List<Pending> pending(Address user) throws StoreException {
        String owner = Addressing.owner(user);
        List<Pending> out = new ArrayList<>();
        List<Long> unreadable = new ArrayList<>();
        for (OfflineMessageStore.OfflineMessage m : store.fetch(owner)) {
            try {
                out.add(new Pending(m.id(), reader.read(m.stanzaXml()), m.receivedAt()));
            } catch (XMLStreamException e) {
                LOG.warn("Dropping unreadable offline message {} of {}", m.id(), owner, e);
                unreadable.add(m.id());
            }
        }
        if (!unreadable.isEmpty()) {
            store.delete(owner, unreadable);
        }
        return out;
    }

    /** Deletes messages that were delivered some other way (only after the device confirmed them). */
    public void remove(Address user, List<Long> ids) throws StoreException {
        if (!ids.isEmpty()) {
            store.delete(Addressing.owner(user), ids);
        }
    }

    private static boolean onlyChatStates(XmlElement message) {
        List<XmlElement> children = message.elements();
        return !children.isEmpty() && children.stream().allMatch(c -> c.namespace().equals(Namespaces.CHAT_STATES));
    }
}
