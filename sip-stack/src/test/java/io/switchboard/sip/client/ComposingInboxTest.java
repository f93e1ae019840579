package io.switchboard.sip.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.ChatState;
import io.switchboard.sip.message.IsComposing;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** RFC 3994 §4 on the receiving side: active shows typing until idle, a message, or the refresh runs out. */
class ComposingInboxTest {

    private static final Address BOB = Address.of("bob", "example.com");
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final List<ChatState> seen = new CopyOnWriteArrayList<>();
    private final ComposingInbox inbox = new ComposingInbox(timers, (peer, state) -> seen.add(state));

    @AfterEach
    void stop() {
        timers.shutdownNow();
    }

    @Test
    void activeThenIdleIsComposingThenPaused() {
        inbox.received(BOB, IsComposing.active(90));
        inbox.received(BOB, IsComposing.active(90));   // a refresh: still composing
        inbox.received(BOB, IsComposing.idle());
        inbox.received(BOB, IsComposing.idle());       // nothing new to say

        assertThat(seen).containsExactly(ChatState.COMPOSING, ChatState.COMPOSING, ChatState.PAUSED);
    }

    @Test
    void aMessageEndsComposing() {
        inbox.received(BOB, IsComposing.active(90));
        inbox.messageReceived(BOB);
        inbox.messageReceived(BOB);

        assertThat(seen).containsExactly(ChatState.COMPOSING, ChatState.ACTIVE);
    }

    @Test
    void anActiveThatIsNotRefreshedRunsOut() {
        inbox.received(BOB, new IsComposing(IsComposing.State.ACTIVE, Optional.empty(), Optional.empty(),
                OptionalInt.of(1)));

        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 2);
        assertThat(seen).containsExactly(ChatState.COMPOSING, ChatState.PAUSED);
    }
}
