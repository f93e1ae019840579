package io.switchboard.server.xmpp.sasl;

import java.util.ArrayList;
import java.util.List;

/** The comma-separated {@code k=value} attributes of a SCRAM message (RFC 5802 §5.1), in order. */
final class ScramAttributes {

    private static final int MAX_ATTRIBUTES = 16;

    private final List<Character> keys;
    private final List<String> values;

    private ScramAttributes(List<Character> keys, List<String> values) {
        this.keys = keys;
        this.values = values;
    }

    static ScramAttributes parse(String message) throws MalformedScramException {
        List<Character> keys = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (String part : message.split(",", -1)) {
            if (part.length() < 2 || part.charAt(1) != '=' || !Character.isLetter(part.charAt(0))) {
                throw new MalformedScramException("bad attribute");
            }
            if (keys.size() == MAX_ATTRIBUTES) {
                throw new MalformedScramException("too many attributes");
            }
            keys.add(part.charAt(0));
            values.add(part.substring(2));
        }
        return new ScramAttributes(keys, values);
    }

    boolean has(char key) {
        return keys.contains(key);
    }

    String require(char key) throws MalformedScramException {
        int i = keys.indexOf(key);
        if (i < 0) {
            throw new MalformedScramException("missing attribute " + key);
        }
        return values.get(i);
    }

    /** True when the attributes begin with exactly these keys in this order. */
    boolean firstKeys(String expected) {
        if (keys.size() < expected.length()) {
            return false;
        }
        for (int i = 0; i < expected.length(); i++) {
            if (keys.get(i) != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
