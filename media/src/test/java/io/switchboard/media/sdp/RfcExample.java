package io.switchboard.media.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Loads the RFC examples under {@code src/test/resources/sdp} (see the README there). */
final class RfcExample {

    /** The RFCs' host names and the RFC 5737 documentation addresses the tests use instead. */
    static final Map<String, String> ADDRESSES = Map.of(
            "host.anywhere.com", "192.0.2.1",
            "host.example.com", "192.0.2.2",
            "host.atlanta.example.com", "192.0.2.101",
            "host.biloxi.example.com", "192.0.2.201",
            "placeholder.biloxi.example.com", "192.0.2.202");

    private static final Pattern HOST_CONNECTION = Pattern.compile("c=IN IP4 ([a-z][a-z.]*)");

    private RfcExample() {
    }

    /** The example exactly as the RFC gives it. */
    static String text(String name) {
        try (InputStream in = RfcExample.class.getResourceAsStream("/sdp/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource sdp/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example with the host names of its c= lines replaced by documentation addresses. */
    static String withAddresses(String name) {
        Matcher m = HOST_CONNECTION.matcher(text(name));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String address = ADDRESSES.get(m.group(1));
            if (address == null) {
                throw new IllegalArgumentException("no documentation address for " + m.group(1));
            }
            m.appendReplacement(out, "c=IN IP4 " + address);
        }
        m.appendTail(out);
        return out.toString();
    }
}
