package io.switchboard.server.sip.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.Availability;
import io.switchboard.core.model.Capability;
import io.switchboard.core.model.DevicePresence;
import io.switchboard.core.model.Presence;
import io.switchboard.server.sip.registrar.BindingChange;
import io.switchboard.server.sip.registrar.LocationService;
import io.switchboard.server.xmpp.im.MutableClock;
import io.switchboard.server.xmpp.im.presence.PresenceEngine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** REGISTER as a presence source (ADR 0014 bridge step 4), over a real location service and engine. */
class SipRegistrationSourceTest {

    private static final Address ALICE = Address.of("alice", "example.com");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T09:00:00Z"));
    private final LocationService locations = new LocationService(clock);
    private final PresenceEngine engine = new PresenceEngine(Runnable::run);
    private final List<Presence> heard = new CopyOnWriteArrayList<>();

    @BeforeEach
    void attach() {
        new SipRegistrationSource(locations, engine, "example.com", clock).attach();
        engine.addListener((user, presence) -> heard.add(presence));
    }

    private void register(String contact, String callId, long cseq, long expires) throws Exception {
        locations.update("alice", callId, cseq, List.of(new BindingChange(contact, 1.0f, expires)));
    }

    @Test
    void aUserWhoseOnlyDeviceIsARegisteredPhoneIsReachableForCalls() throws Exception {
        register("sip:alice@10.0.0.1", "c1", 1, 60);

        Presence composed = engine.composedPresence(ALICE);
        assertThat(composed.availability()).isEqualTo(Availability.AVAILABLE);
        assertThat(composed.capabilities()).containsExactly(Capability.AUDIO);
        assertThat(composed.devices()).singleElement().satisfies(d -> {
            assertThat(d.deviceId()).isEqualTo(SipRegistrationSource.DEVICE_ID);
            assertThat(d.capabilityOnly()).isTrue();
        });
    }

    @Test
    void refreshesAndASecondPhoneChangeNothingThatWatchersWouldHear() throws Exception {
        register("sip:alice@10.0.0.1", "c1", 1, 60);
        clock.advance(Duration.ofSeconds(30));
        register("sip:alice@10.0.0.1", "c1", 2, 60);
        register("sip:alice@10.0.0.2", "c2", 1, 60);

        // the engine's listeners run on the calling thread here (direct executor)
        assertThat(heard).hasSize(1);
        assertThat(engine.composedPresence(ALICE).devices()).hasSize(1);
    }

    @Test
    void theLastUnregisterOrExpiryTakesTheUserOffline() throws Exception {
        register("sip:alice@10.0.0.1", "c1", 1, 60);
        register("sip:alice@10.0.0.2", "c2", 1, 120);

        register("sip:alice@10.0.0.1", "c1", 2, 0);
        assertThat(engine.composedPresence(ALICE).isOnline()).isTrue();

        clock.advance(Duration.ofSeconds(121));
        locations.purgeExpired();
        assertThat(engine.composedPresence(ALICE)).isEqualTo(Presence.OFFLINE);

        register("sip:alice@10.0.0.1", "c1", 3, 60);
        assertThat(engine.composedPresence(ALICE).isOnline()).isTrue();
        locations.removeAll("alice", "c9", 1);
        assertThat(engine.composedPresence(ALICE)).isEqualTo(Presence.OFFLINE);
    }

    @Test
    void aStatusSetElsewhereSpeaksAndTheRegistrationOnlyAddsCalls() throws Exception {
        engine.update(ALICE, new DevicePresence("laptop", Availability.AWAY, "lunch", 0, Set.of(Capability.IM),
                clock.instant()));
        clock.advance(Duration.ofSeconds(5));
        register("sip:alice@10.0.0.1", "c1", 1, 60);

        Presence composed = engine.composedPresence(ALICE);
        assertThat(composed.availability()).isEqualTo(Availability.AWAY);
        assertThat(composed.note()).isEqualTo("lunch");
        assertThat(composed.capabilities()).containsExactlyInAnyOrder(Capability.IM, Capability.AUDIO);

        engine.remove(ALICE, "laptop");
        assertThat(engine.composedPresence(ALICE).availability()).isEqualTo(Availability.AVAILABLE);
    }
}
