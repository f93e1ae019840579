package io.switchboard.media.sdp;

/** Writes an {@link SdpDescription} as RFC 4566 text, CRLF line ends, {@code t=0 0}. Stateless. */
final class SdpWriter {

    private static final String CRLF = "\r\n";

    String write(SdpDescription sdp) {
        StringBuilder out = new StringBuilder(512);
        line(out, "v=0");
        line(out, "o=" + sdp.origin().text());
        line(out, "s=" + (sdp.sessionName().isEmpty() ? "-" : sdp.sessionName()));
        sdp.connection().ifPresent(c -> line(out, "c=" + c.text()));
        line(out, "t=0 0");
        sdp.attributes().forEach(a -> line(out, "a=" + a.text()));
        for (SdpMedia media : sdp.media()) {
            line(out, "m=" + media.type() + " " + media.port() + " " + media.protocol() + " "
                    + String.join(" ", media.formats()));
            media.connection().ifPresent(c -> line(out, "c=" + c.text()));
            media.attributes().forEach(a -> line(out, "a=" + a.text()));
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String line) {
        out.append(line).append(CRLF);
    }
}
