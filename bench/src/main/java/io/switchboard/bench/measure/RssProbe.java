package io.switchboard.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident set size of a process from {@code /proc/<pid>/status}: for a server that is not a JVM
 * (Prosody), this is the closest comparable number. It is RSS, not a heap: it includes the
 * interpreter, libraries and memory the allocator has not given back.
 */
public final class RssProbe implements MemoryProbe {

    private final long pid;

    public RssProbe(long pid) {
        this.pid = pid;
    }

    @Override
    public long bytes() throws ProbeException {
        try {
            return parseStatus(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException e) {
            throw new ProbeException("cannot read /proc/" + pid + "/status", e);
        }
    }

    @Override
    public String kind() {
        return "process RSS (VmRSS), not JVM heap";
    }

    static long parseStatus(String status) throws ProbeException {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).strip().split("\\s+");
                return Long.parseLong(parts[0]) * 1024;
            }
        }
        throw new ProbeException("no VmRSS line in /proc status");
    }
}
