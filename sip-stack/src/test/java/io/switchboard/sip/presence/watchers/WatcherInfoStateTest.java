package io.switchboard.sip.presence.watchers;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sip.presence.winfo.Watcher;
import io.switchboard.sip.presence.winfo.WatcherEvent;
import io.switchboard.sip.presence.winfo.WatcherInfo;
import io.switchboard.sip.presence.winfo.WatcherList;
import io.switchboard.sip.presence.winfo.WatcherStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 3858 §4: full and partial watcher-info documents, versions, lost documents. */
class WatcherInfoStateTest {

    private final WatcherInfoState state = new WatcherInfoState("presence");

    private static WatcherInfo doc(long version, WatcherInfo.State kind, String eventPackage, Watcher... watchers) {
        return new WatcherInfo(version, kind, List.of(new WatcherList("sip:alice@example.com", eventPackage,
                List.of(watchers))));
    }

    private static Watcher watcher(String who, WatcherStatus status) {
        return Watcher.of("sip:" + who + "@example.com", "id-" + who, status, WatcherEvent.SUBSCRIBE);
    }

    @Test
    void aFullDocumentReplacesAndPartialOnesChangeWhatTheyName() {
        assertThat(state.apply(doc(0, WatcherInfo.State.FULL, "presence",
                watcher("bob", WatcherStatus.PENDING), watcher("carol", WatcherStatus.ACTIVE))))
                .isEqualTo(WatcherInfoState.Outcome.CHANGED);
        assertThat(state.watchers()).extracting(Watcher::uri)
                .containsExactly("sip:bob@example.com", "sip:carol@example.com");

        assertThat(state.apply(doc(1, WatcherInfo.State.PARTIAL, "presence",
                watcher("bob", WatcherStatus.ACTIVE), watcher("carol", WatcherStatus.TERMINATED))))
                .isEqualTo(WatcherInfoState.Outcome.CHANGED);
        assertThat(state.watchers()).singleElement().satisfies(w -> {
            assertThat(w.uri()).isEqualTo("sip:bob@example.com");
            assertThat(w.status()).isEqualTo(WatcherStatus.ACTIVE);
        });

        assertThat(state.apply(doc(2, WatcherInfo.State.FULL, "presence"))).isEqualTo(WatcherInfoState.Outcome.CHANGED);
        assertThat(state.watchers()).isEmpty();
    }

    @Test
    void anOldOrRepeatedDocumentChangesNothingAndAGapIsOutOfSync() {
        state.apply(doc(3, WatcherInfo.State.FULL, "presence", watcher("bob", WatcherStatus.PENDING)));

        assertThat(state.apply(doc(3, WatcherInfo.State.FULL, "presence"))).isEqualTo(WatcherInfoState.Outcome.UNCHANGED);
        assertThat(state.apply(doc(2, WatcherInfo.State.FULL, "presence"))).isEqualTo(WatcherInfoState.Outcome.UNCHANGED);
        assertThat(state.apply(doc(5, WatcherInfo.State.PARTIAL, "presence", watcher("eve", WatcherStatus.PENDING))))
                .isEqualTo(WatcherInfoState.Outcome.OUT_OF_SYNC);
        assertThat(state.watchers()).extracting(Watcher::uri).containsExactly("sip:bob@example.com");
    }

    @Test
    void aPartialDocumentBeforeAnyFullOneIsOutOfSyncAndOtherPackagesAreIgnored() {
        assertThat(state.apply(doc(0, WatcherInfo.State.PARTIAL, "presence", watcher("bob", WatcherStatus.PENDING))))
                .isEqualTo(WatcherInfoState.Outcome.OUT_OF_SYNC);
        assertThat(state.apply(doc(0, WatcherInfo.State.FULL, "message-summary", watcher("bob", WatcherStatus.PENDING))))
                .isEqualTo(WatcherInfoState.Outcome.UNCHANGED);
        assertThat(state.watchers()).isEmpty();
    }
}
