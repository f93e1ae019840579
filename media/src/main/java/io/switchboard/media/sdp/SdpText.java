package io.switchboard.media.sdp;

/** Helpers for quoting peer text in error messages without flooding or corrupting a log. */
final class SdpText {

    private static final int EXCERPT_LENGTH = 60;

    private SdpText() {
    }

    /** At most 60 characters, control characters shown as {@code \xNN}. */
    static String excerpt(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < EXCERPT_LENGTH; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (out.length() >= EXCERPT_LENGTH && text.length() > EXCERPT_LENGTH) {
            out.append("...");
        }
        return out.toString();
    }
}
