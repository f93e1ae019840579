package io.switchboard.server.sip.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.Availability;
import io.switchboard.core.model.DevicePresence;
import io.switchboard.server.xmpp.im.presence.PresenceEngine;
import io.switchboard.sip.presence.pidf.PidfAvailabilityMapping;
import io.switchboard.sip.presence.pidf.PidfDocument;
import io.switchboard.sip.presence.pidf.PidfNote;

import java.time.Clock;
import org.junit.jupiter.api.Test;

class ComposedPresenceViewTest {

    private final PresenceEngine engine = new PresenceEngine(Runnable::run);
    private final ComposedPresenceView view = new ComposedPresenceView(engine, new PidfAvailabilityMapping(),
            "example.com", Clock.systemUTC());

    @Test
    void everyWatcherOfOneStateGetsTheSameDocumentAndAChangeBuildsANewOne() {
        Address alice = Address.of("alice", "example.com");
        engine.update(alice, DevicePresence.of("sip:desk", Availability.AVAILABLE, "first"));

        PidfDocument forOne = view.current("alice", "sip:alice@example.com");
        PidfDocument forAnother = view.current("alice", "sip:alice@example.com");
        assertThat(forAnother).isSameAs(forOne);

        engine.update(alice, DevicePresence.of("sip:desk", Availability.AVAILABLE, "second"));

        PidfDocument changed = view.current("alice", "sip:alice@example.com");
        assertThat(changed).isNotSameAs(forOne);
        assertThat(changed.tuples().get(0).notes()).extracting(PidfNote::text).containsExactly("second");
    }

    @Test
    void theDocumentNamesTheUriTheWatcherSubscribedTo() {
        engine.update(Address.of("bob", "example.com"), DevicePresence.of("sip:desk", Availability.AWAY, ""));

        assertThat(view.current("bob", "sip:bob@example.com").entity()).isEqualTo("sip:bob@example.com");
        assertThat(view.current("bob", "sip:bob@127.0.0.1").entity()).isEqualTo("sip:bob@127.0.0.1");
    }
}
