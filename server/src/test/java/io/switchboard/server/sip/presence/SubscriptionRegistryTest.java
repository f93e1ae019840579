package io.switchboard.server.sip.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.model.Address;
import io.switchboard.server.sip.LimitExceededException;
import io.switchboard.sip.presence.winfo.WatcherEvent;
import io.switchboard.sip.presence.winfo.WatcherStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SubscriptionRegistryTest {

    static Subscription subscription(String watcher, String presentity, String callId, EventPackage p) {
        Instant now = Instant.parse("2026-11-22T03:00:00Z");
        return new Subscription(callId, p, presentity, Address.of(watcher, "localhost"),
                "sip:" + watcher + "@localhost", null, "sip:" + presentity + "@localhost", callId, "ours", "theirs",
                null, "sip:" + watcher + "@127.0.0.1:5070", now, now.plusSeconds(600), WatcherStatus.ACTIVE,
                WatcherEvent.SUBSCRIBE);
    }

    @Test
    void subscriptionsAreFoundByDialogAndByPresentityAndPackage() throws Exception {
        SubscriptionRegistry registry = new SubscriptionRegistry();
        Subscription presence = subscription("bob", "alice", "c1", EventPackage.PRESENCE);
        Subscription winfo = subscription("alice", "alice", "c2", EventPackage.PRESENCE_WINFO);
        registry.add(presence);
        registry.add(winfo);

        assertThat(registry.find("c1", "ours")).contains(presence);
        assertThat(registry.find("c1", "other-tag")).isEmpty();
        assertThat(registry.of("alice", EventPackage.PRESENCE)).containsExactly(presence);
        assertThat(registry.of("alice", EventPackage.PRESENCE_WINFO)).containsExactly(winfo);

        assertThat(registry.remove(presence)).isTrue();
        assertThat(registry.remove(presence)).as("only one caller ends it").isFalse();
        assertThat(registry.of("alice", EventPackage.PRESENCE)).isEmpty();
    }

    @Test
    void aWatcherHoldsAtMostTheAllowedNumberOfSubscriptions() throws Exception {
        SubscriptionRegistry registry = new SubscriptionRegistry(2);
        Subscription first = subscription("bob", "alice", "c1", EventPackage.PRESENCE);
        registry.add(first);
        registry.add(subscription("bob", "carol", "c2", EventPackage.PRESENCE));

        assertThatThrownBy(() -> registry.add(subscription("bob", "dave", "c3", EventPackage.PRESENCE)))
                .isInstanceOf(LimitExceededException.class);
        registry.add(subscription("eve", "dave", "c4", EventPackage.PRESENCE));

        registry.remove(first);
        registry.add(subscription("bob", "dave", "c3", EventPackage.PRESENCE));
    }

    @Test
    void aPackageCanHaveATighterLimitPerWatcher() throws Exception {
        SubscriptionRegistry registry = new SubscriptionRegistry(10, java.util.Map.of(EventPackage.DIALOG, 1));
        Subscription first = subscription("bob", "1001", "d1", EventPackage.DIALOG);
        registry.add(first);

        assertThatThrownBy(() -> registry.add(subscription("bob", "1002", "d2", EventPackage.DIALOG)))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("dialog");
        registry.add(subscription("bob", "alice", "p1", EventPackage.PRESENCE));
        registry.add(subscription("eve", "1002", "d3", EventPackage.DIALOG));

        registry.remove(first);
        registry.add(subscription("bob", "1002", "d2", EventPackage.DIALOG));
    }
}
