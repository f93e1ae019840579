package io.switchboard.server.xcap;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Strong entity tags (RFC 9110 §8.8.3) over the bytes served: equal documents, equal tags. */
final class EntityTags {

    private EntityTags() {
    }

    static String of(byte[] served) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(served);
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
