package io.switchboard.bench.seed;

import java.nio.file.Path;

/**
 * Where Prosody 0.12's "internal" storage keeps a user's data:
 * {@code <data_path>/<encoded host>/<store>/<encoded user>.dat}, each name encoded the way
 * util/datamanager.lua does it (every non-alphanumeric byte becomes {@code %xx}).
 */
public final class ProsodyLayout {

    private final Path dataPath;

    public ProsodyLayout(Path dataPath) {
        this.dataPath = dataPath;
    }

    public Path dataPath() {
        return dataPath;
    }

    public Path storeDir(String host, String store) {
        return dataPath.resolve(encode(host)).resolve(encode(store));
    }

    public Path file(String host, String store, String user) {
        return storeDir(host, store).resolve(encode(user) + ".dat");
    }

    static String encode(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (byte c : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int u = c & 0xff;
            if ((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z')) {
                b.append((char) u);
            } else {
                b.append('%').append(String.format("%02x", u));
            }
        }
        return b.toString();
    }
}
