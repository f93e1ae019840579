package io.switchboard.app.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.app.signin.SipSessionFactory;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Contact;
import io.switchboard.core.service.ClientSession;
import io.switchboard.core.service.SessionState;
import io.switchboard.sip.client.SipClientSession;
import io.switchboard.sip.stack.SipStackFactory;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.sip.ua.SipUserAgentSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The buddy list of a real {@link SipClientSession} (JAIN-SIP stack on 127.0.0.1, never signed
 * in: no server needed) survives a restart of the client through {@link SipSessionFactory}.
 */
class SipSessionBuddyListTest {

    private static final Address ALICE = Address.parse("alice@example.com");
    private static final Address BOB = Address.parse("bob@example.com");
    private static final Address CAROL = Address.parse("carol@example.com");

    @TempDir
    Path dir;

    private final ExecutorService writer = Executors.newSingleThreadExecutor();
    private final AtomicInteger saves = new AtomicInteger();

    @AfterEach
    void stopWriter() {
        writer.shutdownNow();
    }

    private SipSessionFactory factory() {
        SipBuddyListKeeper keeper = new SipBuddyListKeeper(new SipBuddyListStore(dir), task -> {
            saves.incrementAndGet();
            writer.execute(task);
        });
        return new SipSessionFactory(new SipStackFactory(), SipUserAgentSettings.defaults(), account -> "127.0.0.1",
                Clock.systemUTC(), keeper);
    }

    private static SipAccount account() {
        return SipAccount.of(ALICE, "secret", new SipProxy("127.0.0.1", 5060, SipTransport.UDP));
    }

    @Test
    void contactsNamesAndGroupsSurviveARestart() throws Exception {
        Path file = new SipBuddyListStore(dir).file(ALICE);
        try (ClientSession first = factory().create(account())) {
            assertThat(first).isInstanceOf(SipClientSession.class);
            assertThat(first.state()).isEqualTo(SessionState.SIGNED_OUT);
            assertThat(first.contacts().contacts()).isEmpty();

            first.contacts().addContact(BOB, "Bob", Set.of("Work"));
            first.contacts().addContact(CAROL, "Carol", Set.of());
            first.contacts().renameContact(CAROL, "Carol C.");
            first.contacts().setGroups(CAROL, Set.of("Friends", "Work"));
            first.contacts().removeContact(BOB);
            first.contacts().addContact(BOB, "Robert", Set.of());

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    new SipBuddyListStore(dir).load(ALICE)).containsExactly(
                    new SavedBuddy("bob@example.com", "Robert", Set.of()),
                    new SavedBuddy("carol@example.com", "Carol C.", Set.of("Friends", "Work"))));
        }

        saves.set(0);
        try (ClientSession second = factory().create(account())) {
            assertThat(second.contacts().contacts()).extracting(Contact::address, Contact::displayName, Contact::groups)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(BOB, "Robert", Set.of()),
                            org.assertj.core.groups.Tuple.tuple(CAROL, "Carol C.", Set.of("Friends", "Work")));
            second.contacts().removeContact(CAROL);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    new SipBuddyListStore(dir).load(ALICE)).extracting(SavedBuddy::address)
                    .containsExactly("bob@example.com"));
            // events are serial: the restore's "contact added" came first and was no change to save
            assertThat(saves).hasValue(1);
        }
        assertThat(new SipBuddyListStore(dir).load(Address.parse("dave@example.com"))).isEmpty();
        assertThat(Files.readString(file)).doesNotContain("secret");
    }

    @Test
    void groupsAreSortedSoEqualListsCompareEqual() {
        List<SavedBuddy> a = List.of(new SavedBuddy("b@x", "B", Set.of("z", "a")));
        assertThat(new SavedBuddy("b@x", "B", Set.of("a", "z"))).isEqualTo(a.get(0));
        assertThat(a.get(0).groups()).containsExactly("a", "z");
    }
}
