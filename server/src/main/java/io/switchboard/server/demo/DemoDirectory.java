package io.switchboard.server.demo;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.SubscriptionState;
import io.switchboard.server.auth.ScramHash;
import io.switchboard.server.demo.DemoOrganisation.DemoUser;
import io.switchboard.server.store.DeskLineStore;
import io.switchboard.server.store.RosterItem;
import io.switchboard.server.store.RosterStore;
import io.switchboard.server.store.StoreException;
import io.switchboard.server.store.UserStore;
import io.switchboard.server.store.VoiceMailbox;
import io.switchboard.server.store.VoiceMailboxStore;
import io.switchboard.sip.auth.DigestAlgorithm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes the {@link DemoOrganisation} into the stores: every demo user with the demo password,
 * and their buddy lists with subscription "both", each contact grouped under their department,
 * so a fresh server shows populated buddy lists at once.
 *
 * <p>Seeding is idempotent: existing users keep their password and existing roster items are
 * left alone, so a second run changes nothing (not even a roster version). One exception: a demo
 * user seeded before the server kept SIP digest credentials, who still has the demo password,
 * gets it set again so SIP works for them too. Demo voice mailboxes ({@link #MAILBOXES}) are filled
 * while they are empty, so the voicemail indicator has something to show; once a count changed,
 * seeding leaves it alone.
 *
 * <p>With a {@link DeskLineStore}, every demo user also gets a desk line ({@link DemoDeskLines}:
 * 1001 alice, 1002 bob, ...): an account named by the extension with the demo password, assigned
 * to its user. A line that exists keeps its password; one assigned elsewhere is given back.
 */
public final class DemoDirectory {

    /** Every demo user's password. Public knowledge: demo servers must stay on loopback. */
    public static final String PASSWORD = "demo";

    /** Voice messages waiting for demo users: alice's lamp is on, bob has only old ones. */
    public static final Map<String, VoiceMailbox> MAILBOXES = Map.of(
            "alice", new VoiceMailbox(2, 1),
            "bob", new VoiceMailbox(0, 3));

    private static final Logger LOG = LoggerFactory.getLogger(DemoDirectory.class);

    private final UserStore users;
    private final RosterStore rosters;
    /** Null: no mailboxes to seed. */
    private final VoiceMailboxStore mailboxes;
    /** Null: no desk lines to seed. */
    private final DeskLineStore deskLines;
    private final String domain;

    public DemoDirectory(UserStore users, RosterStore rosters, String domain) {
        this(users, rosters, null, null, domain);
    }

    /** @param mailboxes where the demo voice mailboxes go, or null for none */
    public DemoDirectory(UserStore users, RosterStore rosters, VoiceMailboxStore mailboxes, String domain) {
        this(users, rosters, mailboxes, null, domain);
    }

    /**
     * @param mailboxes where the demo voice mailboxes go, or null for none
     * @param deskLines where the demo desk lines are assigned, or null for no desk lines
     */
    public DemoDirectory(UserStore users, RosterStore rosters, VoiceMailboxStore mailboxes, DeskLineStore deskLines,
                         String domain) {
        this.users = Objects.requireNonNull(users, "users");
        this.rosters = Objects.requireNonNull(rosters, "rosters");
        this.mailboxes = mailboxes;
        this.deskLines = deskLines;
        this.domain = Objects.requireNonNull(domain, "domain");
    }

    /**
     * What a seed run did, for the operator.
     *
     * @param deskLines every demo desk line (user → extension) when desk lines were seeded, else empty
     */
    public record SeedResult(List<String> createdUsers, int addedRosterItems, List<String> createdDeskLines,
                             Map<String, String> deskLines) {
        public SeedResult {
            createdUsers = List.copyOf(createdUsers);
            createdDeskLines = List.copyOf(createdDeskLines);
            deskLines = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(deskLines));
        }

        public SeedResult(List<String> createdUsers, int addedRosterItems) {
            this(createdUsers, addedRosterItems, List.of(), Map.of());
        }
    }

    public SeedResult seed() throws StoreException {
        List<String> created = new ArrayList<>();
        for (DemoUser user : DemoOrganisation.USERS) {
            if (!users.exists(user.username())) {
                users.create(user.username(), PASSWORD.toCharArray());
                created.add(user.username());
            } else if (stillHasDemoPasswordButNoDigest(user.username())) {
                users.setPassword(user.username(), PASSWORD.toCharArray());
                LOG.info("Demo user {} now has SIP digest credentials", user.username());
            }
        }
        int added = 0;
        for (DemoUser owner : DemoOrganisation.USERS) {
            for (String contact : DemoOrganisation.contactsOf(owner.username())) {
                if (addIfAbsent(owner, DemoOrganisation.user(contact).orElseThrow())) {
                    added++;
                }
            }
        }
        seedMailboxes();
        List<String> createdLines = seedDeskLines();
        LOG.warn("{} demo accounts are enabled (e.g. alice@{}), all with the password '{}'. "
                + "Do not expose this server to a network.", DemoOrganisation.USERS.size(), domain, PASSWORD);
        return new SeedResult(created, added, createdLines, deskLines == null ? Map.of() : DemoDeskLines.all());
    }

    private List<String> seedDeskLines() throws StoreException {
        if (deskLines == null) {
            return List.of();
        }
        List<String> created = new ArrayList<>();
        for (Map.Entry<String, String> line : DemoDeskLines.all().entrySet()) {
            String owner = line.getKey();
            String extension = line.getValue();
            if (!users.exists(extension)) {
                users.create(extension, PASSWORD.toCharArray());
                created.add(extension);
            }
            if (!deskLines.owner(extension).map(owner::equals).orElse(false)) {
                deskLines.assign(extension, owner);
            }
        }
        if (!created.isEmpty()) {
            LOG.info("Demo desk lines created: {}", created);
        }
        return created;
    }

    private void seedMailboxes() throws StoreException {
        if (mailboxes == null) {
            return;
        }
        for (Map.Entry<String, VoiceMailbox> demo : MAILBOXES.entrySet()) {
            if (mailboxes.mailbox(demo.getKey()).equals(VoiceMailbox.EMPTY)) {
                mailboxes.set(demo.getKey(), demo.getValue());
            }
        }
    }

    private boolean stillHasDemoPasswordButNoDigest(String username) throws StoreException {
        return users.digestCredential(username, domain, DigestAlgorithm.MD5).isEmpty()
                && users.credential(username, ScramHash.SHA_256)
                        .map(credential -> credential.matches(PASSWORD.toCharArray()))
                        .orElse(false);
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
