package io.switchboard.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ListenersTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void deliversEventsInOrderOnOneThreadAtATimeAwayFromTheCaller() {
        SerialExecutor serial = new SerialExecutor(pool);
        Listeners<Consumer<Integer>> listeners = new Listeners<>(serial);
        List<Integer> seen = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        listeners.add(i -> {
            seen.add(i);
            threads.add(Thread.currentThread().getName());
        });

        for (int i = 0; i < 1000; i++) {
            int n = i;
            listeners.fire(l -> l.accept(n));
        }

        await().until(() -> seen.size() == 1000);
        assertThat(seen).isSorted();
        assertThat(threads).doesNotContain(Thread.currentThread().getName());
    }

    @Test
    void aFailingListenerDoesNotStopTheOthersOrLaterEvents() {
        Listeners<Consumer<Integer>> listeners = new Listeners<>(new SerialExecutor(pool));
        List<Integer> seen = new CopyOnWriteArrayList<>();
        listeners.add(i -> {
            throw new IllegalStateException("boom " + i);
        });
        listeners.add(seen::add);

        listeners.fire(l -> l.accept(1));
        listeners.fire(l -> l.accept(2));

        await().until(() -> seen.size() == 2);
        assertThat(seen).containsExactly(1, 2);
    }

    @Test
    void removedListenerGetsNothingMore() {
        Listeners<Consumer<Integer>> listeners = new Listeners<>(Runnable::run);
        List<Integer> seen = new CopyOnWriteArrayList<>();
        ListenerRegistration registration = listeners.add(seen::add);
        listeners.fire(l -> l.accept(1));
        registration.close();
        listeners.fire(l -> l.accept(2));
        assertThat(seen).containsExactly(1);
        assertThat(listeners.size()).isZero();
    }

    @Test
    void serialExecutorSurvivesAThrowingTask() {
        SerialExecutor serial = new SerialExecutor(pool);
        List<String> ran = new CopyOnWriteArrayList<>();
        serial.execute(() -> {
            throw new IllegalStateException("first fails");
        });
        serial.execute(() -> ran.add("second"));
        await().until(() -> ran.contains("second"));
    }

    @Test
    void eventsAfterTheEventThreadShutDownAreDroppedQuietly() {
        ExecutorService eventThread = Executors.newSingleThreadExecutor();
        Listeners<Consumer<Integer>> listeners = new Listeners<>(new SerialExecutor(eventThread));
        List<Integer> seen = new CopyOnWriteArrayList<>();
        listeners.add(seen::add);
        eventThread.shutdown();

        listeners.fire(l -> l.accept(1));   // must not throw into the protocol thread that fired it
        listeners.fire(l -> l.accept(2));

        assertThat(seen).isEmpty();
    }
}
