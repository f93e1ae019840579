package io.switchboard.bench.desktop;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Class data sharing only archives classes from jars ("Cannot have non-empty directory in
 * paths"), and the bench runs from {@code target/classes}: this packs each directory of a class
 * path into a jar of its own, keeping the order.
 */
final class ClassPathJars {

    private ClassPathJars() {
    }

    static String jarDirectories(String classpath, Path jarDir) throws IOException {
        Files.createDirectories(jarDir);
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : classpath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                Path jar = jarDir.resolve("classes-" + (n++) + ".jar");
                pack(path, jar);
                entries.add(jar.toString());
            } else {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void pack(Path directory, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(directory)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                out.putNextEntry(new JarEntry(directory.relativize(p).toString().replace(File.separatorChar, '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
    }
}
