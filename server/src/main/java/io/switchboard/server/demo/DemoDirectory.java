package io.switchboard.server.demo;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.SubscriptionState;
import io.switchboard.server.store.RosterItem;
import io.switchboard.server.store.RosterStore;
import io.switchboard.server.store.StoreException;
import io.switchboard.server.store.UserStore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The demo team: five users who all see each other's presence (subscription both), grouped
 * by department, so a fresh server shows a populated buddy list at once.
 *
 * <p>Seeding is idempotent: existing users keep their password and existing roster items are
 * left alone, so a second run changes nothing (not even a roster version).
 */
public final class DemoDirectory {

    /** Every demo user's password. Public knowledge: demo servers must stay on loopback. */
    public static final String PASSWORD = "demo";

    public static final List<DemoUser> USERS = List.of(
            new DemoUser("alice", "Alice Anderson", "Engineering"),
            new DemoUser("bob", "Bob Brown", "Engineering"),
            new DemoUser("carol", "Carol Clark", "Sales"),
            new DemoUser("dave", "Dave Davis", "Sales"),
            new DemoUser("erin", "Erin Evans", "Support"));

    private static final Logger LOG = LoggerFactory.getLogger(DemoDirectory.class);

    private final UserStore users;
    private final RosterStore rosters;
    private final String domain;

    public DemoDirectory(UserStore users, RosterStore rosters, String domain) {
        this.users = Objects.requireNonNull(users, "users");
        this.rosters = Objects.requireNonNull(rosters, "rosters");
        this.domain = Objects.requireNonNull(domain, "domain");
    }

    public record DemoUser(String username, String displayName, String department) {
    }

    /** What a seed run did, for the operator. */
    public record SeedResult(List<String> createdUsers, int addedRosterItems) {
    }

    public SeedResult seed() throws StoreException {
        List<String> created = new java.util.ArrayList<>();
        for (DemoUser user : USERS) {
            if (!users.exists(user.username())) {
                users.create(user.username(), PASSWORD.toCharArray());
                created.add(user.username());
            }
        }
        int added = 0;
        for (DemoUser owner : USERS) {
            for (DemoUser contact : USERS) {
                if (contact != owner && addIfAbsent(owner, contact)) {
                    added++;
                }
            }
        }
        LOG.warn("Demo accounts are enabled: {} with the password '{}'. Do not expose this server to a network.",
                USERS.stream().map(u -> u.username() + "@" + domain).toList(), PASSWORD);
        return new SeedResult(List.copyOf(created), added);
    }

    private boolean addIfAbsent(DemoUser owner, DemoUser contact) throws StoreException {
        Address address = Address.of(contact.username(), domain);
        if (rosters.item(owner.username(), address).isPresent()) {
            return false;
        }
        rosters.put(owner.username(), new RosterItem(address, contact.displayName(), SubscriptionState.BOTH,
                false, false, Set.of(contact.department())));
        return true;
    }
}
