package io.switchboard.sip.stack;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.SIPStackTimerTask;
import gov.nist.javax.sip.stack.timers.SipTimer;
import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.TimerTask;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAIN-SIP's transaction timers on Netty's hashed wheel: scheduling and cancelling cost the same
 * however many timers are pending, and tasks run one at a time on the wheel's thread as they did
 * on JAIN-SIP's single-threaded executor timer.
 *
 * <p>Why not JAIN-SIP's {@code ScheduledExecutorSipTimer}: every transaction keeps a timer 32 s
 * (Timers F, J), so at a few thousand requests per second hundreds of thousands are pending, and
 * the executor's priority heap paid a logarithmic sift through them for every timer that fired —
 * 15 % of the server's CPU samples under MESSAGE load (docs/benchmarks.md), the largest single
 * cost. SIP timers need no millisecond precision: the shortest, T1, is 500 ms.
 *
 * <p>A task scheduled after {@link #stop()} is dropped instead of failing its caller: a stop
 * closes the sockets and then the timer, but a TCP connection's parser thread may still be
 * working through bytes read just before and arm its read timeout; JAIN-SIP's timer threw, and
 * the thread died with an uncaught exception.
 */
public final class WheelSipTimer implements SipTimer {

    private static final Logger LOG = LoggerFactory.getLogger(WheelSipTimer.class);
    /** Granularity: far below T1 (500 ms), so nothing changes on the wire. */
    private static final long TICK_MILLIS = 10;
    /** Slots: one round is ~10 s, so the common 32 s timers go round three times. */
    private static final int WHEEL_SLOTS = 1024;

    private volatile HashedWheelTimer wheel;
    private volatile boolean stopped;

    @Override
    public void start(SipStackImpl sipStack, Properties configurationProperties) {
        String name = "sip-timer-" + sipStack.getStackName();
        HashedWheelTimer started = new HashedWheelTimer(new DefaultThreadFactory(name, true), TICK_MILLIS,
                TimeUnit.MILLISECONDS, WHEEL_SLOTS, false);
        started.start();
        wheel = started;
    }

    @Override
    public boolean isStarted() {
        return wheel != null && !stopped;
    }

    @Override
    public void stop() {
        stopped = true;
        HashedWheelTimer running = wheel;
        if (running != null) {
            running.stop();
        }
    }

    @Override
    public boolean schedule(SIPStackTimerTask task, long delay) {
        return new Scheduled(task, 0).arm(delay);
    }

    @Override
    public boolean scheduleWithFixedDelay(SIPStackTimerTask task, long delay, long period) {
        return new Scheduled(task, period).arm(delay);
    }

    @Override
    public boolean cancel(SIPStackTimerTask task) {
        if (!(task.getSipTimerTask() instanceof Scheduled scheduled)) {
            return false;
        }
        task.cleanUpBeforeCancel();
        task.setSipTimerTask(null);
        return scheduled.cancel();
    }

    private static boolean dropped(SIPStackTimerTask task) {
        LOG.debug("SIP stack stopped: timer task {} not scheduled", task.getClass().getSimpleName());
        return false;
    }

    /** One scheduled task; a periodic one arms itself again after each run until cancelled. */
    private final class Scheduled implements TimerTask {

        private final SIPStackTimerTask task;
        private final long periodMillis;
        private volatile Timeout timeout;
        private volatile boolean cancelled;

        Scheduled(SIPStackTimerTask task, long periodMillis) {
            this.task = task;
            this.periodMillis = periodMillis;
        }

        boolean arm(long delayMillis) {
            HashedWheelTimer running = wheel;
            if (stopped || running == null) {
                return dropped(task);
            }
            task.setSipTimerTask(this);
            try {
                timeout = running.newTimeout(this, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
                return true;
            } catch (IllegalStateException e) {
                // the stop landed between the check and the wheel: only then is this expected
                if (!stopped) {
                    throw e;
                }
                return dropped(task);
            }
        }

        boolean cancel() {
            cancelled = true;
            Timeout armed = timeout;
            return armed == null || armed.cancel();
        }

        @Override
        public void run(Timeout fired) {
            if (cancelled || stopped) {
                return;
            }
            try {
                task.runTask();
            } catch (RuntimeException e) {
                // JAIN-SIP's own timer printed these to stderr and went on; one failing task must
                // not take the other transactions' timers with it
                LOG.warn("SIP timer task {} failed: {}", task.getClass().getSimpleName(), e.toString(), e);
            }
            if (periodMillis > 0 && !cancelled) {
                arm(periodMillis);
            }
        }
    }
}
