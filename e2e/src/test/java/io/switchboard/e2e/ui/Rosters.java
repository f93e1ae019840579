package io.switchboard.e2e.ui;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.SubscriptionState;
import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.server.store.RosterItem;
import io.switchboard.server.store.StoreException;
import io.switchboard.server.store.jdbc.JdbcRosterStore;

import java.util.Set;

/** Rosters written straight into the server's store, as an administrator's import would. */
final class Rosters {

    private Rosters() {
    }

    /** {@code a} and {@code b} on each other's roster with a mutual subscription, in group {@code group}. */
    static void befriend(BundledServerFixture server, Address a, String aName, Address b, String bName, String group)
            throws StoreException {
        JdbcRosterStore rosters = new JdbcRosterStore(server.database());
        rosters.put(a.local(), new RosterItem(b, bName, SubscriptionState.BOTH, false, false, Set.of(group)));
        rosters.put(b.local(), new RosterItem(a, aName, SubscriptionState.BOTH, false, false, Set.of(group)));
    }

    /**
     * Gives {@code owner} {@code count} contacts (addresses on the server's domain without accounts,
     * as a directory import would leave them), spread over {@code groups} groups.
     */
    static void bigRoster(BundledServerFixture server, Address owner, int count, int groups) throws StoreException {
        JdbcRosterStore rosters = new JdbcRosterStore(server.database());
        for (int i = 0; i < count; i++) {
            Address contact = Address.of(String.format("colleague%04d", i), server.domain());
            rosters.put(owner.local(), new RosterItem(contact, String.format("Colleague %04d", i),
                    SubscriptionState.BOTH, false, false, Set.of(String.format("Department %02d", i % groups))));
        }
    }
}
