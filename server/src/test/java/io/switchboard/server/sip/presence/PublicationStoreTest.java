package io.switchboard.server.sip.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.server.sip.LimitExceededException;
import io.switchboard.server.xmpp.im.MutableClock;
import java.time.Duration;
import java.time.Instant;
import io.switchboard.sip.presence.pidf.BasicStatus;
import io.switchboard.sip.presence.pidf.PidfDocument;
import io.switchboard.sip.presence.pidf.PidfNote;
import io.switchboard.sip.presence.pidf.PidfTuple;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublicationStoreTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T03:00:00Z"));
    final PublicationStore store = new PublicationStore(clock);

    static PidfDocument doc(String tupleId, String note) {
        return new PidfDocument("sip:alice@localhost", List.of(new PidfTuple(tupleId, BasicStatus.OPEN, null, null,
                List.of(PidfNote.of(note)), null)), List.of(), List.of(), List.of());
    }

    @Test
    void everyRefreshOrModificationIssuesANewEntityTagAndTheOldOneFails() throws Exception {
        String first = store.publish("alice", doc("phone", "a"), 60);
        String second = store.update("alice", first, null, 60).orElseThrow();

        assertThat(second).isNotEqualTo(first);
        assertThat(store.update("alice", first, doc("phone", "b"), 60)).isEmpty();
        String third = store.update("alice", second, doc("phone", "b"), 60).orElseThrow();
        assertThat(store.composite("alice", "sip:alice@localhost").tuples().get(0).notes().get(0).text()).isEqualTo("b");
        assertThat(store.remove("alice", third)).isTrue();
        assertThat(store.remove("alice", third)).isFalse();
    }

    @Test
    void theCompositeJoinsEveryDeviceAndFallsBackToClosedWhenNothingIsPublished() throws Exception {
        assertThat(store.composite("alice", "sip:alice@localhost").tuples())
                .singleElement().extracting(PidfTuple::basic).isEqualTo(BasicStatus.CLOSED);

        store.publish("alice", doc("phone", "on a call"), 60);
        store.publish("alice", doc("laptop", "typing"), 120);

        PidfDocument composite = store.composite("alice", "sip:alice@localhost");
        assertThat(composite.entity()).isEqualTo("sip:alice@localhost");
        assertThat(composite.tuples()).extracting(PidfTuple::id).containsExactly("laptop", "phone");
    }

    @Test
    void expiredPublicationsDisappearAndListenersAreTold() throws Exception {
        List<String> changed = new ArrayList<>();
        store.addListener(changed::add);
        String tag = store.publish("alice", doc("phone", "x"), 60);

        clock.advance(Duration.ofSeconds(61));
        store.purgeExpired();

        assertThat(store.publications("alice")).isEmpty();
        assertThat(store.update("alice", tag, null, 60)).isEmpty();
        assertThat(changed).containsExactly("alice", "alice");
    }

    @Test
    void aUserHoldsAtMostTheAllowedNumberOfPublications() throws Exception {
        PublicationStore small = new PublicationStore(clock, 2);
        small.publish("alice", doc("a", "1"), 60);
        String second = small.publish("alice", doc("b", "2"), 30);

        assertThatThrownBy(() -> small.publish("alice", doc("c", "3"), 60))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("at most 2");
        assertThat(small.update("alice", second, null, 60)).as("refreshing is not adding").isPresent();
        small.publish("bob", doc("a", "1"), 60);

        clock.advance(Duration.ofSeconds(61));
        small.publish("alice", doc("c", "3"), 60);
    }
}
