package io.switchboard.bench.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.bench.load.RingRoster;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.SubscriptionState;
import io.switchboard.server.store.RosterItem;
import io.switchboard.server.store.RosterStore;
import io.switchboard.server.store.UserStore;

/**
 * Creates the benchmark's users and rosters in our server's database through its own stores,
 * so the data is exactly what the server would have written itself (SCRAM credentials with the
 * default iteration count, versioned rosters).
 */
public final class SwitchboardSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(SwitchboardSeeder.class);

    private final UserStore users;
    private final RosterStore rosters;
    private final String domain;

    public SwitchboardSeeder(UserStore users, RosterStore rosters, String domain) {
        this.users = users;
        this.rosters = rosters;
        this.domain = domain;
    }

    /** Users u00000.. with ring rosters (both ways subscribed), and the big-roster user if asked. */
    public void seed(RingRoster ring, String bigRosterUser, int bigRosterSize, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicInteger done = new AtomicInteger();
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < ring.users(); i++) {
                int index = i;
                work.add(pool.submit(() -> {
                    seedOne(RingRoster.username(index), ring.contactsOf(index));
                    if (done.incrementAndGet() % 1000 == 0) {
                        LOG.info("seeded {} of {} users", done.get(), ring.users());
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        if (bigRosterUser != null && bigRosterSize > 0) {
            users.create(bigRosterUser, RingRoster.passwordFor(bigRosterUser).toCharArray());
            for (int k = 0; k < bigRosterSize; k++) {
                rosters.put(bigRosterUser, both(RingRoster.bigRosterContact(k)));
            }
        }
    }

    private void seedOne(String username, int[] contacts) throws Exception {
        users.create(username, RingRoster.passwordFor(username).toCharArray());
        for (int c : contacts) {
            rosters.put(username, both(RingRoster.username(c)));
        }
    }

    private RosterItem both(String contactLocal) {
        return new RosterItem(Address.of(contactLocal, domain), "", SubscriptionState.BOTH, false, false, Set.of());
    }
}
