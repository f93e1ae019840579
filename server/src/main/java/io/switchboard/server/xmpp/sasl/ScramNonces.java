package io.switchboard.server.xmpp.sasl;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

/** Server nonces for SCRAM: 18 random bytes, base64 (printable, never a ','). */
public final class ScramNonces {

    private ScramNonces() {
    }

    public static Supplier<String> random() {
        SecureRandom random = new SecureRandom();
        return () -> {
            byte[] bytes = new byte[18];
            random.nextBytes(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        };
    }
}
