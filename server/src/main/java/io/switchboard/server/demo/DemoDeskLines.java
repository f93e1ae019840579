package io.switchboard.server.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo company's desk phones: every demo user has a desk line, an account of its own named by
 * its extension (the phone registers as {@code 1001@localhost}, password {@link DemoDirectory#PASSWORD}),
 * assigned to that user for the CTI gateway.
 *
 * <p>Extensions are fixed by this table, not computed from {@link DemoOrganisation#USERS}: the
 * original demo five come first (1001 alice, 1002 bob, 1003 carol, 1004 dave, 1005 erin), then the
 * rest in the order they joined the demo. A new demo user is appended, so nobody's extension ever
 * changes.
 */
public final class DemoDeskLines {

    /** The first extension; the {@code i}-th name of {@link #ORDER} gets {@code FIRST + i}. */
    public static final int FIRST = 1001;

    /** Never reorder: an extension is the index here. Append new demo users at the end. */
    static final List<String> ORDER = List.of(
            "alice", "bob", "carol", "dave", "erin",
            "frank", "grace", "henry", "irene", "kate", "leo",
            "maya", "omar", "priya", "quentin", "sofia", "tom", "yuki", "zoe",
            "isabel", "marcus", "nora", "victor", "wendy",
            "gabriel", "hugo", "lena", "oscar", "rachel", "sam", "uma",
            "ben", "chloe", "diego", "fatima", "ingrid");

    private static final Map<String, String> BY_USER = index();

    private DemoDeskLines() {
    }

    private static Map<String, String> index() {
        Map<String, String> lines = new LinkedHashMap<>();
        for (int i = 0; i < ORDER.size(); i++) {
            String user = ORDER.get(i);
            if (DemoOrganisation.user(user).isEmpty()) {
                throw new IllegalStateException("Desk line for unknown demo user " + user);
            }
            if (lines.put(user, Integer.toString(FIRST + i)) != null) {
                throw new IllegalStateException("Two desk lines for demo user " + user);
            }
        }
        return java.util.Collections.unmodifiableMap(lines);
    }

    /** User → extension, in extension order. */
    public static Map<String, String> all() {
        return BY_USER;
    }

    /** The extension of {@code user}'s desk line, e.g. "1001" for alice. */
    public static Optional<String> lineOf(String user) {
        return Optional.ofNullable(BY_USER.get(user));
    }

    /** Whose desk line {@code extension} is. */
    public static Optional<String> ownerOf(String extension) {
        return BY_USER.entrySet().stream().filter(e -> e.getValue().equals(extension)).map(Map.Entry::getKey)
                .findFirst();
    }
}
