package io.switchboard.server.demo;

import io.switchboard.server.demo.DemoOrganisation.DemoUser;
import io.switchboard.server.xmpp.Jid;
import io.switchboard.server.xmpp.im.Namespaces;
import io.switchboard.server.xmpp.im.StanzaError;
import io.switchboard.server.xmpp.im.Stanzas;
import io.switchboard.server.xmpp.session.StanzaRouter;
import io.switchboard.server.xmpp.xml.XmlElement;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One demo person who is "at work": signed in through a {@link LocalSession} like any client
 * (roster request, initial presence), changing presence now and then, accepting anyone who
 * asks to see their presence, and answering chats the way a person would: a delivery receipt
 * when asked (XEP-0184), "typing…" (XEP-0085), then a short reply on the same thread.
 *
 * <p>All of its work runs as tasks on the scheduler, never on the router's threads and never
 * by sleeping; its mutable state is volatile, so a scheduler with several threads is fine too.
 */
final class DemoBot {

    static final String RECEIPTS = "urn:xmpp:receipts";

    private static final Logger LOG = LoggerFactory.getLogger(DemoBot.class);

    private final DemoUser person;
    private final LocalSession session;
    private final ScheduledExecutorService scheduler;
    private final BotTimings timings;
    private final Random random;
    private final PresenceRepertoire repertoire;
    private final CannedReplies replies;
    private final AtomicLong ids = new AtomicLong();

    private volatile boolean closed;
    private volatile BotPresence current;
    private volatile Future<?> nextChange;

    DemoBot(DemoUser person, Jid jid, StanzaRouter router, ScheduledExecutorService scheduler, BotTimings timings,
            Random random) {
        this.person = Objects.requireNonNull(person, "person");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.timings = Objects.requireNonNull(timings, "timings");
        this.random = Objects.requireNonNull(random, "random");
        this.repertoire = new PresenceRepertoire(person, random);
        this.replies = new CannedReplies(random);
        this.session = new LocalSession(jid, router, this::deliver);
    }

    Jid jid() {
        return session.jid();
    }

    /** The presence announced last. */
    BotPresence presence() {
        return current;
    }

    /** Signs in: binds, asks for the roster, announces a first presence, plans the next change. */
    void start() {
        session.bind();
        session.submit(XmlElement.builder("iq", Namespaces.CLIENT)
                .attr("type", "get").attr("id", nextId())
                .child("query", Namespaces.ROSTER)
                .build());
        announce(repertoire.first());
        scheduleNextChange();
    }

    /** Signs out: the router announces "unavailable" to everyone who sees this person. */
    void close() {
        closed = true;
        Future<?> pending = nextChange;
        if (pending != null) {
            pending.cancel(false);
        }
        session.close(null, null);
    }

    private void scheduleNextChange() {
        nextChange = later(timings.presenceDelay(random), () -> {
            announce(repertoire.next(current));
            scheduleNextChange();
        });
    }

    private void announce(BotPresence presence) {
        current = presence;
        session.submit(presence.toStanza());
        LOG.debug("{} is now {} ({})", person.username(), presence.availability(), presence.note());
    }

    /** Called on a router worker: hand the stanza to the scheduler and return. */
    private void deliver(XmlElement stanza) {
        try {
            scheduler.execute(() -> {
                if (!closed) {
                    handle(stanza);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("{} has stopped; dropping a {}", person.username(), stanza.name());
        }
    }

    private void handle(XmlElement stanza) {
        switch (stanza.name()) {
            case "message" -> onMessage(stanza);
            case "presence" -> onPresence(stanza);
            case "iq" -> onIq(stanza);
            default -> LOG.debug("{} ignores a <{}>", person.username(), stanza.name());
        }
    }

    private void onMessage(XmlElement message) {
        String type = Stanzas.type(message);
        Optional<String> body = message.childText("body");
        Optional<Jid> from = sender(message);
        if (!(type.isEmpty() || type.equals("chat") || type.equals("normal")) || body.isEmpty() || from.isEmpty()
                || !from.get().hasLocal() || from.get().bare().equals(jid().bare())) {
            return; // chat states, receipts, errors, headlines, server notices and our own echoes need no answer
        }
        Jid peer = from.get();
        Optional<XmlElement> thread = message.child("thread");
        String requestedReceipt = message.attr("id");
        if (requestedReceipt != null && message.child("request", RECEIPTS).isPresent()) {
            session.submit(XmlElement.builder("message", Namespaces.CLIENT)
                    .attr("to", peer.toString()).attr("id", nextId())
                    .child(XmlElement.builder("received", RECEIPTS).attr("id", requestedReceipt).build())
                    .build());
        }
        session.submit(chat(peer, thread).child("composing", Namespaces.CHAT_STATES).build());
        String answer = replies.reply(firstName(peer), body.get(), current);
        later(timings.typingDelay(random), () -> session.submit(chat(peer, thread)
                .textChild("body", answer)
                .child("active", Namespaces.CHAT_STATES)
                .build()));
    }

    private XmlElement.Builder chat(Jid to, Optional<XmlElement> thread) {
        XmlElement.Builder b = XmlElement.builder("message", Namespaces.CLIENT)
                .attr("type", "chat").attr("to", to.toString()).attr("id", nextId());
        thread.ifPresent(b::child);
        return b;
    }

    private void onPresence(XmlElement presence) {
        // accept everyone: a demo colleague never leaves a request unanswered
        if (Stanzas.type(presence).equals("subscribe")) {
            sender(presence).ifPresent(from -> session.submit(Stanzas.presence("subscribed", null, from.bare())));
        }
    }

    private void onIq(XmlElement iq) {
        String type = Stanzas.type(iq);
        if (!type.equals("get") && !type.equals("set")) {
            return;
        }
        boolean rosterPush = type.equals("set") && iq.child("query", Namespaces.ROSTER).isPresent();
        boolean ping = type.equals("get") && iq.child("ping", Namespaces.PING).isPresent();
        // RFC 6121 §2.1.6: a client acknowledges every roster push
        session.submit(rosterPush || ping ? Stanzas.iqResult(iq) : Stanzas.error(iq, StanzaError.SERVICE_UNAVAILABLE));
    }

    private Future<?> later(Duration delay, Runnable task) {
        try {
            return scheduler.schedule(() -> {
                if (!closed) {
                    task.run();
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("{} has stopped; not scheduling more", person.username());
            return null;
        }
    }

    private static Optional<Jid> sender(XmlElement stanza) {
        String from = stanza.attr("from");
        if (from == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Jid.parse(from));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String firstName(Jid peer) {
        String local = peer.local();
        return DemoOrganisation.user(local).map(DemoUser::firstName)
                .orElseGet(() -> local.substring(0, 1).toUpperCase(Locale.ROOT) + local.substring(1));
    }

    private String nextId() {
        return person.username() + "-bot-" + ids.incrementAndGet();
    }

    @Override
    public String toString() {
        return "DemoBot[" + jid() + "]";
    }
}
