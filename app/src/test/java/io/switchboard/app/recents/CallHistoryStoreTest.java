package io.switchboard.app.recents;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.model.Address;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallHistoryStoreTest {

    private static final Address ALICE = Address.parse("alice@example.com");

    @TempDir
    Path dir;

    @Test
    void roundTripPerAccount() throws Exception {
        CallHistoryStore store = new CallHistoryStore(dir.resolve("call-history"));
        List<CallRecord> calls = List.of(
                new CallRecord("bob@example.com", "Bob Brown", true, 1_714_557_600_000L, 135, CallOutcome.ANSWERED, true),
                new CallRecord("carol@example.com", "", false, 1_714_550_000_000L, 0, CallOutcome.MISSED, false),
                new CallRecord("dave@example.com", "Dave", true, 1_714_540_000_000L, 0, CallOutcome.BUSY, true));

        store.save(ALICE, calls);

        List<CallRecord> loaded = new CallHistoryStore(dir.resolve("call-history")).load(ALICE);
        assertThat(loaded).isEqualTo(calls);
        assertThat(loaded.get(1).name()).as("no name: the address").isEqualTo("carol@example.com");
        assertThat(loaded.get(1).unseenMissed()).isTrue();
        assertThat(store.load(Address.parse("bob@example.com"))).isEmpty();
        assertThat(store.file(ALICE).getFileName().toString()).isEqualTo("alice%40example.com.json");
        assertThat(Files.readString(store.file(ALICE))).contains("\"outcome\" : \"MISSED\"")
                .doesNotContain("unseenMissed");
    }

    @Test
    void keepsTheNewest500() throws Exception {
        CallHistoryStore store = new CallHistoryStore(dir);
        List<CallRecord> calls = new ArrayList<>();
        for (int i = 0; i < CallHistoryStore.MAX_ENTRIES + 20; i++) {
            calls.add(new CallRecord("u" + i + "@example.com", "", true, 2_000_000_000_000L - i, 1,
                    CallOutcome.ANSWERED, true));
        }

        store.save(ALICE, calls);

        List<CallRecord> loaded = store.load(ALICE);
        assertThat(loaded).hasSize(500);
        assertThat(loaded.get(0).remote()).isEqualTo("u0@example.com");
        assertThat(loaded.get(499).remote()).isEqualTo("u499@example.com");
    }

    @Test
    void aCorruptFileIsAnEmptyHistoryAndKeptForALook() throws Exception {
        CallHistoryStore store = new CallHistoryStore(dir);
        Files.writeString(store.file(ALICE), "[{\"remote\": \"bob@exa");

        assertThat(store.load(ALICE)).isEmpty();
        assertThat(dir.resolve("alice%40example.com.json.corrupt")).exists();
    }

    @Test
    void anUnknownOutcomeMakesTheFileUnreadableNotTheApp() throws Exception {
        CallHistoryStore store = new CallHistoryStore(dir);
        Files.writeString(store.file(ALICE), "[{\"remote\": \"bob@example.com\", \"outcome\": \"EXPLODED\"}]");

        assertThat(store.load(ALICE)).isEmpty();
    }

    @Test
    void anOversizedFileIsNotRead() throws Exception {
        CallHistoryStore store = new CallHistoryStore(dir);
        Files.write(store.file(ALICE), new byte[(int) CallHistoryStore.MAX_FILE_BYTES + 1]);

        assertThat(store.load(ALICE)).isEmpty();
        assertThat(store.file(ALICE)).doesNotExist();
    }
}
