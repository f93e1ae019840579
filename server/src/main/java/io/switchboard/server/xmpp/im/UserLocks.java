package io.switchboard.server.xmpp.im;

import io.switchboard.core.model.Address;
import io.switchboard.server.store.StoreException;

import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Mutual exclusion per user, for work that reads and then writes a user's roster or checks
 * "is anyone online?" before storing offline. Sessions of different users run in parallel on
 * their own serial executors; a subscription touches two rosters, so a handler takes the locks
 * of both users at once ({@link #withLocks}), always in stripe order, which rules out deadlock.
 * Locks are striped so memory does not grow with the number of users.
 *
 * <p>Rule: take every lock a piece of work needs in one {@code withLocks} call at the top of
 * the handler; never call {@code withLocks} for another user while holding one.
 */
public final class UserLocks {

    private final ReentrantLock[] stripes;

    public UserLocks(int stripeCount) {
        if (stripeCount < 1) {
            throw new IllegalArgumentException("stripeCount must be positive");
        }
        stripes = new ReentrantLock[stripeCount];
        for (int i = 0; i < stripeCount; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** Work that may touch the stores. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws StoreException, StanzaException;
    }

    public <T> T withLocks(Work<T> work, Address... users) throws StoreException, StanzaException {
        int[] order = Arrays.stream(users).mapToInt(this::stripe).distinct().sorted().toArray();
        int taken = 0;
        try {
            for (int index : order) {
                stripes[index].lock();
                taken++;
            }
            return work.run();
        } finally {
            for (int i = taken - 1; i >= 0; i--) {
                stripes[order[i]].unlock();
            }
        }
    }

    private int stripe(Address user) {
        return Math.floorMod(user.hashCode(), stripes.length);
    }
}
