package io.switchboard.xmpp.internal;

import java.lang.reflect.Field;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.AsyncButOrdered;
import org.jivesoftware.smack.roster.Roster;
import org.jxmpp.jid.BareJid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a Smack {@link Roster} one thread of its own for presence. Smack 4.4's roster hands each
 * incoming presence to a per-contact task on Smack's process-wide, unbounded cached thread pool;
 * at sign-in with 2,000 contacts that started 200+ threads within a second (measured: 205 live
 * "Smack Cached Executor" threads, tens of MB of stacks, and CPU taken from the UI thread on a
 * two-core machine). Smack offers no setting for it, so the roster's private
 * {@code asyncButOrdered} field is replaced by one on a single thread: the order per contact is
 * kept, and presence handling is cheap enough to be serial.
 *
 * <p>If a Smack version no longer has that field, the roster keeps Smack's behaviour (a warning
 * says so) — correct, only heavier.
 */
public final class RosterPresenceThread {

    private static final Logger LOG = LoggerFactory.getLogger(RosterPresenceThread.class);
    static final String FIELD = "asyncButOrdered";

    private RosterPresenceThread() {
    }

    /**
     * Replaces the roster's presence executor by a new single daemon thread named {@code name};
     * returns that executor (shut it down with the session), or {@code null} if Smack's
     * internals did not allow it.
     */
    public static ExecutorService confine(Roster roster, String name) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, name);
                    t.setDaemon(true);
                    return t;
                },
                // presence arriving while the session closes has nobody to tell any more
                new ThreadPoolExecutor.DiscardPolicy());
        try {
            Field field = Roster.class.getDeclaredField(FIELD);
            field.setAccessible(true);
            field.set(roster, new AsyncButOrdered<BareJid>(executor));
            return executor;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Smack's roster keeps its own presence threads ({}); sign-in with a big roster starts many"
                    + " threads", e.toString());
            executor.shutdown();
            return null;
        }
    }
}
