package io.switchboard.app;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import javafx.scene.Scene;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** TEMPORARY measurement aid: FX CPU time of each pulse's CSS+layout and of marked tasks. */
final class PulseTrace {
    private static final Logger LOG = LoggerFactory.getLogger(PulseTrace.class);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static long pulseStart;

    static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    static void log(String what, long startCpu) {
        long ms100 = (cpu() - startCpu) / 100_000;
        if (ms100 >= 20) {
            LOG.info("TRACE {} {} ms", what, ms100 / 10.0);
        }
    }

    static void install(Scene scene) {
        if (!Boolean.getBoolean("switchboard.trace")) {
            return;
        }
        scene.addPreLayoutPulseListener(() -> pulseStart = cpu());
        scene.addPostLayoutPulseListener(() -> log("pulse css+layout", pulseStart));
    }
}
