package io.switchboard.server.xmpp.im;

import io.switchboard.core.model.SubscriptionState;
import io.switchboard.server.store.RosterItem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The router on a real worker pool: sessions of different users run in parallel while each
 * session's stanzas keep their order, and two users answering each other at the same time
 * lose no roster update.
 */
class ConcurrencyTest {

    private static final int PAIRS = 20;

    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final ImHarness im = new ImHarness(pool, 1000);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void crossedSubscriptionsBetweenManyPairsAllEndInBoth() throws Exception {
        List<RecordingSession[]> pairs = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            im.accounts("a" + i, "b" + i);
            pairs.add(new RecordingSession[] {im.connect("a" + i, "r"), im.connect("b" + i, "r")});
        }
        // both sides pre-approve and request at once, from different threads, interleaved
        for (int i = 0; i < PAIRS; i++) {
            RecordingSession a = pairs.get(i)[0];
            RecordingSession b = pairs.get(i)[1];
            im.send(a, "<presence/>");
            im.send(b, "<presence/>");
            im.send(a, "<presence to='b" + i + "@example.com' type='subscribed'/>");
            im.send(b, "<presence to='a" + i + "@example.com' type='subscribed'/>");
            im.send(a, "<presence to='b" + i + "@example.com' type='subscribe'/>");
            im.send(b, "<presence to='a" + i + "@example.com' type='subscribe'/>");
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (int i = 0; i < PAIRS; i++) {
                assertThat(im.item("a" + i, "b" + i)).get().extracting(RosterItem::subscription)
                        .isEqualTo(SubscriptionState.BOTH);
                assertThat(im.item("b" + i, "a" + i)).get().extracting(RosterItem::subscription)
                        .isEqualTo(SubscriptionState.BOTH);
            }
        });
    }

    @Test
    void oneSessionsMessagesArriveInOrder() throws Exception {
        im.accounts("juliet", "romeo");
        RecordingSession balcony = im.connect("juliet", "balcony");
        im.send(balcony, "<presence/>");
        RecordingSession orchard = im.connect("romeo", "orchard");
        int count = 200;
        for (int i = 0; i < count; i++) {
            im.send(orchard, "<message to='juliet@example.com/balcony' type='chat' id='m" + i + "'><body>" + i + "</body></message>");
        }

        await().atMost(Duration.ofSeconds(10)).until(
                () -> balcony.peekAll().stream().filter(e -> e.name().equals("message")).count() == count);
        assertThat(balcony.drain(e -> e.name().equals("message"))).extracting(e -> e.attr("id"))
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, count).mapToObj(i -> "m" + i).toList());
    }

    @Test
    void aMessageRacingInitialPresenceIsNeitherLostNorStranded() throws Exception {
        im.accounts("juliet", "romeo");
        RecordingSession orchard = im.connect("romeo", "orchard");
        RecordingSession balcony = im.connect("juliet", "balcony");
        int count = 50;
        im.send(balcony, "<presence/>");
        for (int i = 0; i < count; i++) {
            im.send(orchard, "<message to='juliet@example.com' type='chat' id='m" + i + "'><body>hi</body></message>");
        }

        await().atMost(Duration.ofSeconds(10)).until(
                () -> balcony.peekAll().stream().filter(e -> e.name().equals("message")).count() == count);
        assertThat(im.offline.count("juliet")).isZero();
    }
}
