package io.switchboard.bench.desktop;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import javafx.application.Platform;

/**
 * How long the FX thread keeps other work waiting: a probe thread posts a tiny task with
 * {@code Platform.runLater} every 2 ms and records how late it runs (the longest lateness bounds
 * the longest frozen-window moment), and how much CPU time the FX thread used meanwhile (which
 * tells FX-thread work from the thread waiting for a core on a crowded machine). The same probe
 * as the e2e test {@code UiRosterStallIT} uses.
 */
final class FxStallProbe {

    private static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long fxThreadId = -1;
    private volatile long longestNanos;
    private volatile long busiestNanos;
    private volatile int samples;

    private FxStallProbe() {
        thread = new Thread(this::probe, "fx-stall-probe");
        thread.setDaemon(true);
    }

    static FxStallProbe start() {
        FxStallProbe probe = new FxStallProbe();
        probe.thread.start();
        return probe;
    }

    private void probe() {
        while (running) {
            long cpuAtPost = fxThreadId < 0 ? -1 : threads.getThreadCpuTime(fxThreadId);
            long posted = System.nanoTime();
            CountDownLatch ran = new CountDownLatch(1);
            Platform.runLater(() -> {
                long late = System.nanoTime() - posted;
                long cpu = threads.getCurrentThreadCpuTime();
                fxThreadId = Thread.currentThread().getId();
                longestNanos = Math.max(longestNanos, late);
                if (cpuAtPost >= 0) {
                    busiestNanos = Math.max(busiestNanos, cpu - cpuAtPost);
                }
                samples++;
                ran.countDown();
            });
            try {
                ran.await();
            } catch (InterruptedException e) {
                return;
            }
            LockSupport.parkNanos(INTERVAL_NANOS);
        }
    }

    /** Stops probing; never call it on the FX thread (it waits for the last probe task). */
    void stop() throws InterruptedException {
        running = false;
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }

    double longestMillis() {
        return longestNanos / 1e6;
    }

    /** The most CPU time the FX thread spent while one probe task waited. */
    double busiestMillis() {
        return busiestNanos / 1e6;
    }

    int samples() {
        return samples;
    }
}
