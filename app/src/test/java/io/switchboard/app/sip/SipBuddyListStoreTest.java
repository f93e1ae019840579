package io.switchboard.app.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.model.Address;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SipBuddyListStoreTest {

    private static final Address ALICE = Address.parse("alice@example.com");

    @TempDir
    Path dir;

    @Test
    void roundTripPerAccount() throws Exception {
        SipBuddyListStore store = new SipBuddyListStore(dir.resolve("sip-buddies"));
        List<SavedBuddy> buddies = List.of(new SavedBuddy("bob@example.com", "Bob", Set.of("Work", "Friends")),
                new SavedBuddy("carol@example.com", "", Set.of()));

        store.save(ALICE, buddies);

        assertThat(new SipBuddyListStore(dir.resolve("sip-buddies")).load(ALICE)).isEqualTo(buddies);
        assertThat(store.load(Address.parse("bob@example.com"))).isEmpty();
        assertThat(store.file(ALICE).getFileName().toString()).isEqualTo("alice%40example.com.json");
    }

    @Test
    void aCorruptFileIsAnEmptyListAndKeptForALook() throws Exception {
        SipBuddyListStore store = new SipBuddyListStore(dir);
        Files.writeString(store.file(ALICE), "[{\"address\": \"bob@exa");

        assertThat(store.load(ALICE)).isEmpty();
        assertThat(dir.resolve("alice%40example.com.json.corrupt")).exists();
    }

    @Test
    void anOversizedFileIsNotRead() throws Exception {
        SipBuddyListStore store = new SipBuddyListStore(dir);
        Files.write(store.file(ALICE), new byte[(int) SipBuddyListStore.MAX_FILE_BYTES + 1]);

        assertThat(store.load(ALICE)).isEmpty();
        assertThat(store.file(ALICE)).doesNotExist();
    }
}
