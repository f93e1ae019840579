package io.switchboard.server.demo;

import io.switchboard.core.model.Address;
import io.switchboard.server.xmpp.Jid;
import io.switchboard.server.xmpp.session.StanzaRouter;

import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's "active" colleagues: a few demo users signed in inside the server process, who
 * change presence every so often and answer chats, so a demo buddy list is alive. Alice and
 * Bob are left alone: those are the accounts people sign in as.
 *
 * <p>The caller owns the scheduler and shuts it down after {@link #close()}.
 */
public final class DemoBots implements AutoCloseable {

    /** On alice's and bob's buddy lists, across departments, with their manager among them. */
    public static final List<String> USERNAMES = List.of(
            "carol", "dave", "erin", "frank", "maya", "henry", "chloe", "priya");

    /** The resource bots sign in with, so a person signing in as the same user gets their own. */
    public static final String RESOURCE = "switchboard-demo-bot";

    private static final Logger LOG = LoggerFactory.getLogger(DemoBots.class);

    private final List<DemoBot> bots;
    private boolean started;
    private boolean closed;

    public DemoBots(String domain, StanzaRouter router, ScheduledExecutorService scheduler, BotTimings timings,
                    Random random) {
        Objects.requireNonNull(domain, "domain");
        this.bots = USERNAMES.stream()
                .map(name -> new DemoBot(DemoOrganisation.user(name).orElseThrow(),
                        Jid.of(Address.of(name, domain), RESOURCE), router, scheduler, timings, random))
                .toList();
    }

    /** Signs every bot in. */
    public synchronized void start() {
        if (started || closed) {
            return;
        }
        started = true;
        bots.forEach(DemoBot::start);
        LOG.info("{} demo colleagues are online and answer chats: {}", bots.size(), USERNAMES);
    }

    public List<Jid> jids() {
        return bots.stream().map(DemoBot::jid).toList();
    }

    /** Signs every bot out; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (started) {
            bots.forEach(DemoBot::close);
            LOG.info("Demo colleagues signed out");
        }
    }
}
