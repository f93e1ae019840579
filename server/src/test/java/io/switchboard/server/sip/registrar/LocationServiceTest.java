package io.switchboard.server.sip.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.server.sip.LimitExceededException;
import io.switchboard.server.xmpp.im.MutableClock;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocationServiceTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T03:00:00Z"));
    final LocationService locations = new LocationService(clock);

    @Test
    void bindingsComeMostPreferredFirstAndVanishWhenTheyExpire() throws Exception {
        locations.update("alice", "call-1", 1, List.of(new BindingChange("sip:alice@10.0.0.1", 0.5f, 60)));
        locations.update("alice", "call-2", 1, List.of(new BindingChange("sip:alice@10.0.0.2", 1.0f, 120)));

        assertThat(locations.bindings("alice")).extracting(Binding::contactUri)
                .containsExactly("sip:alice@10.0.0.2", "sip:alice@10.0.0.1");

        clock.advance(Duration.ofSeconds(60));
        assertThat(locations.bindings("alice")).extracting(Binding::contactUri).containsExactly("sip:alice@10.0.0.2");
        assertThat(locations.bindings("alice").get(0).secondsLeft(clock.instant())).isEqualTo(60);
    }

    @Test
    void anOlderRequestOfTheSameCallIdChangesNothing() throws Exception {
        locations.update("alice", "call-1", 5, List.of(new BindingChange("sip:alice@10.0.0.1", 1.0f, 60)));

        assertThatThrownBy(() -> locations.update("alice", "call-1", 4,
                List.of(new BindingChange("sip:alice@10.0.0.1", 1.0f, 0))))
                .isInstanceOf(OutOfOrderRegistrationException.class);
        assertThat(locations.bindings("alice")).hasSize(1);

        locations.update("alice", "call-1", 6, List.of(new BindingChange("sip:alice@10.0.0.1", 1.0f, 0)));
        assertThat(locations.bindings("alice")).isEmpty();
    }

    @Test
    void theSameCallIdAndCseqAgainIsARetransmissionAnsweredWithTheBindingsUnchanged() throws Exception {
        List<String> heard = new ArrayList<>();
        locations.addListener((user, now) -> heard.add(user + ":" + now.size()));
        locations.update("alice", "call-1", 5, List.of(new BindingChange("sip:alice@10.0.0.1", 1.0f, 60)));
        clock.advance(Duration.ofSeconds(10));

        // even one that would remove the binding: the first request of that CSeq has decided
        List<Binding> again = locations.update("alice", "call-1", 5,
                List.of(new BindingChange("sip:alice@10.0.0.1", 1.0f, 0)));

        assertThat(again).singleElement().satisfies(b -> {
            assertThat(b.contactUri()).isEqualTo("sip:alice@10.0.0.1");
            assertThat(b.secondsLeft(clock.instant())).isEqualTo(50);
        });
        assertThat(locations.bindings("alice")).isEqualTo(again);
        assertThat(heard).containsExactly("alice:1");
    }

    @Test
    void theWildcardRemovesEveryBindingAndListenersHearOfChangesAndExpiry() throws Exception {
        List<String> heard = new ArrayList<>();
        locations.addListener((user, now) -> heard.add(user + ":" + now.size()));
        locations.update("bob", "a", 1, List.of(new BindingChange("sip:bob@10.0.0.1", 1.0f, 60),
                new BindingChange("sip:bob@10.0.0.2", 1.0f, 30)));

        clock.advance(Duration.ofSeconds(30));
        locations.purgeExpired();
        locations.removeAll("bob", "b", 1);

        assertThat(locations.bindings("bob")).isEmpty();
        assertThat(heard).containsExactly("bob:2", "bob:1", "bob:0");
    }

    @Test
    void aUserHoldsAtMostTheAllowedNumberOfBindings() throws Exception {
        LocationService small = new LocationService(clock, 2);
        small.update("alice", "a", 1, List.of(new BindingChange("sip:alice@10.0.0.1", 1.0f, 60),
                new BindingChange("sip:alice@10.0.0.2", 1.0f, 60)));

        assertThatThrownBy(() -> small.update("alice", "b", 1, List.of(new BindingChange("sip:alice@10.0.0.3", 1.0f, 60))))
                .isInstanceOf(LimitExceededException.class);
        // replacing one in the same request stays within the limit
        small.update("alice", "b", 2, List.of(new BindingChange("sip:alice@10.0.0.1", 1.0f, 0),
                new BindingChange("sip:alice@10.0.0.3", 1.0f, 60)));
        assertThat(small.bindings("alice")).extracting(Binding::contactUri)
                .containsExactlyInAnyOrder("sip:alice@10.0.0.2", "sip:alice@10.0.0.3");
    }
}
