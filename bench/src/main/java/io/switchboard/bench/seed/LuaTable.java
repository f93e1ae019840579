package io.switchboard.bench.seed;

/**
 * Writes the few Lua table literals Prosody's internal storage uses, in the same shape as
 * util/serialization.lua ({@code ["key"] = value;} lines inside {@code return { ... };}).
 * Only for keys and values that we generate ourselves: quoting is checked, not escaped.
 */
final class LuaTable {

    private LuaTable() {
    }

    static String quote(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("refusing to write a Lua string with special characters: " + s);
            }
        }
        return "\"" + s + "\"";
    }
}
