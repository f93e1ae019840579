package io.switchboard.e2e.interop.sip;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The RFC 4475 torture messages under {@code rfc4475/} on the test class path: the index
 * ({@code index.tsv}: name, section, request/response, verdict, what the RFC expects, transport,
 * note, where the bytes come from, known deviation of our server) and the
 * exact bytes of each message ({@code <name>.dat}, written by {@code extract-from-rfc.sh} from
 * the RFC's own archive). The bytes are never edited: CRLF, NUL and bare CR octets are the test.
 */
public final class TortureMessages {

    public enum Verdict { VALID, INVALID, SEMANTIC }

    /** What the RFC expects of a receiving element; {@code statuses} lists acceptable codes. */
    public record Expectation(String text, boolean process, boolean drop, boolean ignoreTail, boolean foreign,
                              Set<Integer> statuses) {
        static Expectation parse(String text) {
            boolean process = false;
            boolean drop = false;
            boolean ignoreTail = false;
            boolean foreign = false;
            java.util.Set<Integer> statuses = new java.util.TreeSet<>();
            for (String part : text.split("\\|")) {
                switch (part) {
                    case "process" -> process = true;
                    case "drop" -> drop = true;
                    case "ignore-tail" -> ignoreTail = true;
                    case "foreign" -> foreign = true;
                    default -> {
                        int code = Integer.parseInt(part);
                        if (code < 100 || code > 699) {
                            throw new IllegalArgumentException("not a status code: " + part);
                        }
                        statuses.add(code);
                    }
                }
            }
            return new Expectation(text, process, drop, ignoreTail, foreign, Set.copyOf(statuses));
        }
    }

    public record Entry(String name, String section, boolean request, Verdict verdict, Expectation expect,
                        String transport, String note, String bytesSource, String knownDeviation) {
        /** The message's bytes, exactly as the RFC's archive holds them. */
        public byte[] bytes() {
            try (InputStream in = TortureMessages.class.getResourceAsStream("/rfc4475/" + name + ".dat")) {
                if (in == null) {
                    throw new IllegalStateException("rfc4475/" + name + ".dat is missing: run "
                            + "e2e/src/test/resources/rfc4475/extract-from-rfc.sh with the RFC 4475 text");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public boolean available() {
            return TortureMessages.class.getResource("/rfc4475/" + name + ".dat") != null;
        }
    }

    private TortureMessages() {
    }

    public static List<Entry> all() {
        try (InputStream in = TortureMessages.class.getResourceAsStream("/rfc4475/index.tsv")) {
            if (in == null) {
                throw new IllegalStateException("rfc4475/index.tsv is not on the test class path");
            }
            List<Entry> entries = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("name\t")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 9) {
                    throw new IllegalStateException("index.tsv: 9 columns expected: " + line);
                }
                entries.add(new Entry(f[0], f[1], f[2].equals("request"),
                        Verdict.valueOf(f[3].toUpperCase(java.util.Locale.ROOT)), Expectation.parse(f[4]), f[5], f[6],
                        f[7], f[8].strip()));
            }
            return List.copyOf(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Optional<Entry> byName(String name) {
        return all().stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
