package io.switchboard.app.recents;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.app.phone.ContactLookup;
import io.switchboard.app.phone.RecordingDialer;
import io.switchboard.app.ui.DirectUi;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Call;
import io.switchboard.core.model.CallEndReason;
import io.switchboard.core.model.PresenceColour;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentsViewModelTest {

    private static final Address ALICE = Address.parse("alice@example.com");
    private static final Address BOB = Address.parse("bob@example.com");
    private static final Address CAROL = Address.parse("carol@example.com");
    /** 10:00 UTC on 1 May 2024; the calls below start then or earlier. */
    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

    @TempDir
    Path dir;

    private final DirectUi ui = new DirectUi();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ReadOnlyObjectWrapper<PresenceColour> bobsPresence = new ReadOnlyObjectWrapper<>(PresenceColour.GREEN);
    private final ContactLookup contacts = new ContactLookup() {
        @Override
        public String displayName(Address who) {
            return who.equals(BOB) ? "Bob Brown" : who.toString();
        }

        @Override
        public ObservableValue<PresenceColour> presence(Address who) {
            return who.equals(BOB) ? bobsPresence.getReadOnlyProperty() : ContactLookup.NONE.presence(who);
        }
    };
    private final RecordingDialer dialer = new RecordingDialer(false);

    private RecentsViewModel start(CallHistoryStore store) {
        return new RecentsViewModel(ALICE, store, Runnable::run, contacts, dialer, ui, clock);
    }

    @Test
    void endedCallsJoinTheTopWithTheirKindTimeAndDurationOrOutcome() {
        RecentsViewModel vm = start(new CallHistoryStore(dir));
        Call talked = Call.placed("c1", BOB, NOW.minusSeconds(200)).connected(NOW.minusSeconds(135))
                .ended(CallEndReason.HUNG_UP, "");
        Call busy = Call.placed("c2", CAROL, NOW.minusSeconds(60)).ended(CallEndReason.BUSY, "486 Busy Here");

        vm.record(talked);
        vm.record(busy);
        vm.record(Call.placed("c3", CAROL, NOW));   // not ended: not history

        assertThat(vm.rows()).extracting(RecentCallRow::name).containsExactly("carol@example.com", "Bob Brown");
        assertThat(vm.rows().get(1).detail()).isEqualTo("Outgoing · 09:56 · 02:15");
        assertThat(vm.rows().get(0).detail()).isEqualTo("Outgoing · 09:59 · Busy");
        assertThat(vm.rows().get(1).accessibleText()).isEqualTo("Bob Brown, Outgoing, 09:56, 02:15");
    }

    @Test
    void eachRowShowsTheContactsLivePresence() {
        RecentsViewModel vm = start(new CallHistoryStore(dir));
        vm.record(Call.placed("c1", BOB, NOW).ended(CallEndReason.NO_ANSWER, ""));
        ObservableValue<PresenceColour> dot = vm.rows().get(0).presence();
        assertThat(dot.getValue()).isEqualTo(PresenceColour.GREEN);

        bobsPresence.set(PresenceColour.RED);

        assertThat(dot.getValue()).isEqualTo(PresenceColour.RED);
    }

    @Test
    void missedCallsCountUntilTheListIsShown() {
        RecentsViewModel vm = start(new CallHistoryStore(dir));
        vm.record(missed("i1"));
        vm.record(missed("i2"));
        vm.record(Call.ringingHere("i3", CAROL, NOW).ended(CallEndReason.DECLINED_BY_ME, ""));

        assertThat(vm.missedUnseenProperty().get()).isEqualTo(2);
        assertThat(vm.rows().get(1).detail()).isEqualTo("Missed · 09:55");
        assertThat(vm.rows().get(0).detail()).isEqualTo("Incoming · 10:00 · Declined");

        vm.shownProperty().set(true);
        assertThat(vm.missedUnseenProperty().get()).isZero();

        vm.record(missed("i4"));
        assertThat(vm.missedUnseenProperty().get()).as("missed while the list shows: seen").isZero();
    }

    @Test
    void theHistoryAndWhatWasSeenSurviveARestart() {
        CallHistoryStore store = new CallHistoryStore(dir);
        RecentsViewModel first = start(store);
        first.record(Call.placed("c1", BOB, NOW.minusSeconds(86_400 * 3)).ended(CallEndReason.NOT_FOUND, ""));
        first.record(missed("i1"));
        first.record(missed("i2"));
        first.dispose();

        RecentsViewModel second = start(store);

        assertThat(second.rows()).hasSize(3);
        assertThat(second.rows().get(2).detail()).isEqualTo("Outgoing · 28 Apr 10:00 · Not found");
        assertThat(second.missedUnseenProperty().get()).isEqualTo(2);
        second.shownProperty().set(true);

        assertThat(start(store).missedUnseenProperty().get()).isZero();
    }

    @Test
    void theListKeepsTheNewest500() {
        CallHistoryStore store = new CallHistoryStore(dir);
        RecentsViewModel vm = start(store);
        for (int i = 0; i < CallHistoryStore.MAX_ENTRIES + 3; i++) {
            vm.record(Call.placed("c" + i, BOB, NOW).ended(CallEndReason.NO_ANSWER, ""));
        }

        assertThat(vm.rows()).hasSize(500);
        assertThat(store.load(ALICE)).hasSize(500);
    }

    @Test
    void callBackDialsTheOtherPartyWhenCallsArePossible() {
        RecentsViewModel vm = start(new CallHistoryStore(dir));
        vm.record(missed("i1"));

        vm.callBack(vm.rows().get(0));
        assertThat(dialer.called).as("softphone not ready").isEmpty();

        dialer.available.set(true);
        vm.callBack(vm.rows().get(0));
        assertThat(dialer.called).containsExactly(CAROL);
    }

    @Test
    void callsEndedWhileTheHistoryLoadedAreKeptAboveIt() throws Exception {
        CallHistoryStore store = new CallHistoryStore(dir);
        store.save(ALICE, List.of(new CallRecord("bob@example.com", "Bob", true, 1, 5, CallOutcome.ANSWERED, true)));
        List<Runnable> loading = new ArrayList<>();
        RecentsViewModel vm = new RecentsViewModel(ALICE, store, Runnable::run, contacts, dialer,
                new io.switchboard.app.ui.Background() {
                    @Override
                    public <T> void submit(String what, java.util.concurrent.Callable<T> work,
                                           java.util.function.Consumer<? super T> onSuccess,
                                           java.util.function.Consumer<? super Exception> onFailure) {
                        loading.add(() -> {
                            try {
                                onSuccess.accept(work.call());
                            } catch (Exception e) {
                                onFailure.accept(e);
                            }
                        });
                    }
                }, clock);

        vm.record(missed("i1"));
        assertThat(store.load(ALICE)).as("not saved over the unread file").hasSize(1);
        loading.forEach(Runnable::run);

        assertThat(vm.rows()).extracting(RecentCallRow::name).containsExactly("carol@example.com", "Bob");
        assertThat(store.load(ALICE)).hasSize(2);
    }

    private static Call missed(String id) {
        return Call.ringingHere(id, CAROL, NOW.minusSeconds(300)).ended(CallEndReason.REMOTE_HUNG_UP, "");
    }
}
