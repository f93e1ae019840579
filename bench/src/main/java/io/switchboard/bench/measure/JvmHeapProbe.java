package io.switchboard.bench.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live heap of another JVM: {@code jcmd <pid> GC.run} (a full collection, so only reachable
 * objects remain) followed by {@code jcmd <pid> GC.heap_info}, summing the "used" of the heap
 * lines (one line for G1, young plus old for the other collectors).
 */
public final class JvmHeapProbe implements MemoryProbe {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");
    private static final long TIMEOUT_SECONDS = 120;

    private final long pid;

    public JvmHeapProbe(long pid) {
        this.pid = pid;
    }

    @Override
    public long bytes() throws ProbeException {
        jcmd("GC.run");
        return parseHeapInfo(jcmd("GC.heap_info"));
    }

    @Override
    public String kind() {
        return "JVM heap used after full GC (jcmd GC.run + GC.heap_info)";
    }

    static long parseHeapInfo(String output) throws ProbeException {
        long kib = 0;
        boolean found = false;
        for (String line : output.split("\n")) {
            String t = line.strip();
            if (!t.contains(" total ") || t.startsWith("Metaspace") || t.startsWith("class space")) {
                continue;
            }
            Matcher m = USED.matcher(t);
            if (m.find()) {
                kib += Long.parseLong(m.group(1));
                found = true;
            }
        }
        if (!found) {
            throw new ProbeException("no heap usage in jcmd output: " + output);
        }
        return kib * 1024;
    }

    private String jcmd(String command) throws ProbeException {
        try {
            Process p = new ProcessBuilder(List.of("jcmd", Long.toString(pid), command))
                    .redirectErrorStream(true).start();
            String out;
            try (var in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new ProbeException("jcmd " + command + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                throw new ProbeException("jcmd " + command + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new ProbeException("cannot run jcmd", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeException("interrupted", e);
        }
    }
}
