package io.switchboard.sip.stack;

import gov.nist.javax.sip.stack.SIPStackTimerTask;
import gov.nist.javax.sip.stack.timers.ScheduledExecutorSipTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAIN-SIP's executor timer, except that a task scheduled after the stack stopped is dropped
 * instead of failing its caller.
 *
 * <p>Why: {@code SipStack.stop()} closes the sockets and then stops the timer, but a TCP
 * connection's parser thread ({@code PipelineThread-N}) may still be working through bytes read
 * just before the close; with a read timeout set it arms the timer for the next message, the
 * timer throws {@code IllegalStateException}, and the thread dies with an uncaught exception on
 * stderr — after every stop that races with incoming traffic. A stopped stack runs no timers
 * anyway, so not scheduling is the whole meaning the caller could want.
 */
public final class StopTolerantSipTimer extends ScheduledExecutorSipTimer {

    private static final Logger LOG = LoggerFactory.getLogger(StopTolerantSipTimer.class);

    private volatile boolean stopped;

    @Override
    public void stop() {
        stopped = true;
        super.stop();
    }

    @Override
    public boolean schedule(SIPStackTimerTask task, long delay) {
        if (stopped) {
            return dropped(task);
        }
        try {
            return super.schedule(task, delay);
        } catch (IllegalStateException e) {
            return droppedIfStopped(task, e);
        }
    }

    @Override
    public boolean scheduleWithFixedDelay(SIPStackTimerTask task, long delay, long period) {
        if (stopped) {
            return dropped(task);
        }
        try {
            return super.scheduleWithFixedDelay(task, delay, period);
        } catch (IllegalStateException e) {
            return droppedIfStopped(task, e);
        }
    }

    /** The stop may land between the check and the executor: only then is the exception expected. */
    private boolean droppedIfStopped(SIPStackTimerTask task, IllegalStateException e) {
        if (!stopped) {
            throw e;
        }
        return dropped(task);
    }

    private static boolean dropped(SIPStackTimerTask task) {
        LOG.debug("SIP stack stopped: timer task {} not scheduled", task.getClass().getSimpleName());
        return false;
    }
}
