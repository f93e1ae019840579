package io.switchboard.server.xmpp.xml;

/** Escapes text and attribute values for XML output. */
public final class XmlEscape {

    private XmlEscape() {
    }

    public static void text(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> out.append(c);
            }
        }
    }

    public static void attribute(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
    }

    public static String attribute(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        attribute(s, b);
        return b.toString();
    }
}
