package io.switchboard.bench.measure;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used so far (user + system) by the server process and by this load client, so a
 * report can say who was busy: on a shared two-core machine a saturated client would look like a
 * slow server.
 */
public final class CpuTime {

    /** Linux's USER_HZ: /proc reports times in these ticks, and it is 100 on every common build. */
    private static final double TICKS_PER_SECOND = 100.0;

    private CpuTime() {
    }

    /** Seconds of CPU used by process {@code pid}, from {@code /proc/<pid>/stat}; -1 if unreadable. */
    public static double ofProcess(long pid) {
        try {
            return parseStat(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Seconds of CPU used by this JVM. */
    public static double ofThisProcess() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return ofProcess(ProcessHandle.current().pid());
    }

    /** Fields 14 and 15 (utime, stime) come after the parenthesised command name, which may hold spaces. */
    static double parseStat(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // f[0] is field 3 (state), so utime (field 14) is f[11] and stime (field 15) is f[12]
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
    }
}
