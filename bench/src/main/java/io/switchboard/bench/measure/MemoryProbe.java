package io.switchboard.bench.measure;

/** Reads how much memory the server process under test uses right now. */
public interface MemoryProbe {

    /** Bytes in use; may force a garbage collection first. */
    long bytes() throws ProbeException;

    /** What is measured, for the report ("JVM heap after full GC", "RSS"). */
    String kind();

    /** Parses {@code jvm:<pid>}, {@code rss:<pid>} or {@code none}. */
    static MemoryProbe parse(String spec) {
        if (spec == null || spec.isBlank() || "none".equals(spec)) {
            return null;
        }
        int colon = spec.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("memory probe must be jvm:<pid>, rss:<pid> or none, got " + spec);
        }
        long pid = Long.parseLong(spec.substring(colon + 1));
        return switch (spec.substring(0, colon)) {
            case "jvm" -> new JvmHeapProbe(pid);
            case "rss" -> new RssProbe(pid);
            default -> throw new IllegalArgumentException("unknown memory probe " + spec);
        };
    }

    /** The probe could not read the process. */
    final class ProbeException extends Exception {
        private static final long serialVersionUID = 1L;

        public ProbeException(String message) {
            super(message);
        }

        public ProbeException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
