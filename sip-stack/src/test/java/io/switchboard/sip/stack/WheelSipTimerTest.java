package io.switchboard.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.SIPStackTimerTask;
import gov.nist.javax.sip.stack.timers.SipTimer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The timer a real stack from {@link SipStackFactory} runs its transactions on. */
class WheelSipTimerTest {

    private SipEndpoint endpoint;
    private SipTimer timer;

    @BeforeEach
    void start() throws Exception {
        endpoint = new SipStackFactory().start(SipStackSettings.loopback("timer"), new RecordingSipListener(e -> { }));
        timer = ((SipStackImpl) endpoint.provider().getSipStack()).getTimer();
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    @Test
    void theStackRunsOnTheWheel() {
        assertThat(timer).isInstanceOf(WheelSipTimer.class);
        assertThat(timer.isStarted()).isTrue();
    }

    @Test
    void aTaskRunsOnceAfterItsDelay() throws Exception {
        Counting task = new Counting();
        long start = System.nanoTime();
        assertThat(timer.schedule(task, 100)).isTrue();
        assertThat(task.first.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(90));
        Thread.sleep(300);
        assertThat(task.runs.get()).isEqualTo(1);
    }

    @Test
    void aCancelledTaskNeverRunsAndIsCleanedUp() throws Exception {
        Counting task = new Counting();
        timer.schedule(task, 200);
        assertThat(timer.cancel(task)).isTrue();
        assertThat(task.cleanedUp.get()).isTrue();
        assertThat(task.getSipTimerTask()).isNull();
        Thread.sleep(500);
        assertThat(task.runs.get()).isZero();
        assertThat(timer.cancel(task)).as("a second cancel has nothing to cancel").isFalse();
    }

    @Test
    void aPeriodicTaskRepeatsUntilCancelled() {
        Counting task = new Counting();
        timer.scheduleWithFixedDelay(task, 10, 20);
        await().atMost(Duration.ofSeconds(5)).until(() -> task.runs.get() >= 3);
        timer.cancel(task);
        int runs = task.runs.get();
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1))
                .until(() -> task.runs.get() <= runs + 1);   // one may have been running as we cancelled
    }

    @Test
    void aFailingTaskDoesNotStopTheOthers() throws Exception {
        SIPStackTimerTask failing = new SIPStackTimerTask() {
            @Override
            public void runTask() {
                throw new IllegalStateException("a transaction's timer failed");
            }

            @Override
            public Object getThreadHash() {
                return null;
            }
        };
        Counting next = new Counting();
        timer.schedule(failing, 10);
        timer.schedule(next, 50);
        assertThat(next.first.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void afterTheStopATaskIsDroppedNotThrown() {
        endpoint.close();
        Counting task = new Counting();
        assertThat(timer.isStarted()).isFalse();
        assertThat(timer.schedule(task, 10)).isFalse();
        assertThat(timer.scheduleWithFixedDelay(task, 10, 10)).isFalse();
    }

    private static final class Counting extends SIPStackTimerTask {
        final AtomicInteger runs = new AtomicInteger();
        final CountDownLatch first = new CountDownLatch(1);
        final java.util.concurrent.atomic.AtomicBoolean cleanedUp = new java.util.concurrent.atomic.AtomicBoolean();

        @Override
        public void runTask() {
            runs.incrementAndGet();
            first.countDown();
        }

        @Override
        public void cleanUpBeforeCancel() {
            cleanedUp.set(true);
        }

        @Override
        public Object getThreadHash() {
            return null;
        }
    }
}
