package io.switchboard.app.ui;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import javafx.application.Platform;

/**
 * Measures how long the FX thread keeps other work waiting: a probe thread posts a tiny task
 * with {@code Platform.runLater} every 2 ms and records how late it runs. The lateness of a task
 * posted just as a long task (or a pulse: CSS, layout) starts is that task's length, so the
 * largest lateness bounds the longest stall a user would feel as a frozen window. It also
 * records the CPU time the FX thread used while each probe task waited, which tells work on
 * the FX thread from the FX thread waiting for a core (or for the garbage collector) on a
 * crowded machine, and the garbage collectors' pause time meanwhile (a stop-the-world
 * collection holds every thread, the FX thread too); and while a task is late it samples the FX
 * thread's stack, to say what stalled it. Used by the UI end-to-end tests and the desktop-client
 * benchmark, so both measure the same way; never started by the client itself. Not to be
 * closed on the FX thread (it waits for the last probe task).
 */
public final class FxStallProbe implements AutoCloseable {

    private static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long STACK_SAMPLE_AFTER_MILLIS = 40;
    private static final int MAX_STACKS = 30;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final Thread thread;
    private final List<String> stallStacks = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;
    private volatile long fxThreadId = -1;
    private volatile long longestNanos;
    private volatile long longestCpuNanos;
    private volatile long longestGcMillis;
    private volatile long longestPostedEpochMillis;
    private volatile long busiestNanos;
    private volatile int samples;

    private FxStallProbe() {
        thread = new Thread(this::probe, "fx-stall-probe");
        thread.setDaemon(true);
    }

    public static FxStallProbe start() {
        FxStallProbe probe = new FxStallProbe();
        probe.thread.start();
        return probe;
    }

    private void probe() {
        while (running) {
            long cpuAtPost = fxThreadId < 0 ? -1 : threads.getThreadCpuTime(fxThreadId);
            long gcAtPost = collectionMillis();
            long posted = System.nanoTime();
            long postedEpoch = System.currentTimeMillis();
            CountDownLatch ran = new CountDownLatch(1);
            Platform.runLater(() -> {
                long late = System.nanoTime() - posted;
                long cpu = threads.getCurrentThreadCpuTime();
                fxThreadId = Thread.currentThread().getId();
                long busy = cpuAtPost < 0 ? -1 : cpu - cpuAtPost;
                if (late > longestNanos) {
                    longestNanos = late;
                    longestCpuNanos = busy;
                    longestGcMillis = collectionMillis() - gcAtPost;
                    longestPostedEpochMillis = postedEpoch;
                }
                busiestNanos = Math.max(busiestNanos, busy);
                samples++;
                ran.countDown();
            });
            try {
                while (!ran.await(STACK_SAMPLE_AFTER_MILLIS, TimeUnit.MILLISECONDS)) {
                    sampleFxThread();
                }
            } catch (InterruptedException e) {
                return;
            }
            LockSupport.parkNanos(INTERVAL_NANOS);
        }
    }

    /** Pause time of all collections so far (the JVM counts it in whole milliseconds). */
    private long collectionMillis() {
        long total = 0;
        for (GarbageCollectorMXBean collector : collectors) {
            total += Math.max(0, collector.getCollectionTime());
        }
        return total;
    }

    private void sampleFxThread() {
        long id = fxThreadId;
        if (id < 0 || stallStacks.size() >= MAX_STACKS) {
            return;
        }
        var info = threads.getThreadInfo(id, 40);
        if (info != null) {
            stallStacks.add(Arrays.stream(info.getStackTrace()).map(StackTraceElement::toString)
                    .collect(Collectors.joining("\n  at ", "FX thread " + info.getThreadState() + ":\n  at ", "")));
        }
    }

    /** What the FX thread was doing whenever a probe task waited long (at most 30 samples). */
    public List<String> stallStacks() {
        return List.copyOf(stallStacks);
    }

    /** The longest time a posted task waited for the FX thread. */
    public Duration longest() {
        return Duration.ofNanos(longestNanos);
    }

    /** CPU time the FX thread used during {@link #longest()}; negative when not known. */
    public Duration longestCpu() {
        return Duration.ofNanos(longestCpuNanos);
    }

    /** Garbage-collection pause time during {@link #longest()} (millisecond resolution). */
    public Duration longestGc() {
        return Duration.ofMillis(longestGcMillis);
    }

    /** When the task that waited longest was posted (wall clock, ms since the epoch): to match with logs. */
    public long longestPostedAtEpochMillis() {
        return longestPostedEpochMillis;
    }

    /**
     * The most CPU time the FX thread spent while one probe task waited: the longest stretch of
     * FX-thread work, whether or not the machine also kept the thread off a core meanwhile.
     */
    public Duration busiest() {
        return Duration.ofNanos(busiestNanos);
    }

    public int samples() {
        return samples;
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
