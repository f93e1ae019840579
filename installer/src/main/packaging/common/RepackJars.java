import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Packaging step, run with the JDK's source launcher ({@code java RepackJars.java DIR PLATFORM}) so
 * every OS's script can use it without further tools. Rewrites each jar in DIR:
 * <ul>
 *   <li>native libraries for other platforms are left out: libjitsi and JNA carry theirs for a
 *       dozen OS/CPU pairs under {@code <os>-<arch>/} folders (e.g. {@code linux-x86-64},
 *       {@code darwin-aarch64}, {@code win32-x86-64}); only PLATFORM's stay;</li>
 *   <li>entries are stored, not deflated: the installer compresses the whole package (xz in a
 *       .deb), and compressing once over all classes is far smaller than deflating each file and
 *       then compressing the deflated bytes again (measured: docs/benchmarks.md, "Installers").</li>
 * </ul>
 * Entry order, names, times and the manifest are kept. Jars that are signed are left alone.
 */
public final class RepackJars {

    /** A folder of natives for one OS/CPU pair, as libjitsi and JNA name them. */
    private static final Pattern NATIVE_FOLDER = Pattern.compile(
            "(?:.*/)?(?:linux|darwin|win32|freebsd|openbsd|sunos|aix|android|dragonflybsd)-[a-z0-9-]+/.*");

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: java RepackJars.java DIR PLATFORM (e.g. linux-x86-64)");
        }
        Path dir = Path.of(args[0]);
        String platform = args[1];
        List<Path> jars;
        try (Stream<Path> files = Files.list(dir)) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        for (Path jar : jars) {
            repack(jar, platform);
        }
    }

    private static void repack(Path jar, String platform) throws IOException {
        Path out = jar.resolveSibling(jar.getFileName() + ".repacked");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName();
                if (isSignature(name)) {
                    zip.close();
                    Files.delete(out);
                    return;
                }
                if (NATIVE_FOLDER.matcher(name).matches() && !name.contains(platform + "/")) {
                    continue;
                }
                byte[] bytes = in.readAllBytes();
                ZipEntry stored = new ZipEntry(name);
                stored.setMethod(ZipEntry.STORED);
                stored.setSize(bytes.length);
                stored.setCompressedSize(bytes.length);
                CRC32 crc = new CRC32();
                crc.update(bytes);
                stored.setCrc(crc.getValue());
                if (entry.getLastModifiedTime() != null) {
                    stored.setLastModifiedTime(entry.getLastModifiedTime());
                }
                zip.putNextEntry(stored);
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        Files.move(out, jar, StandardCopyOption.REPLACE_EXISTING);
    }

    private static boolean isSignature(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        return upper.startsWith("META-INF/") && (upper.endsWith(".SF") || upper.endsWith(".RSA")
                || upper.endsWith(".DSA") || upper.endsWith(".EC"));
    }
}
