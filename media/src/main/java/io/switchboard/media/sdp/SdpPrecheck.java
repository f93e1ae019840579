package io.switchboard.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a peer's session description against our limits and the line grammar of RFC 4566
 * before javax.sdp sees it. javax.sdp is lenient (it accepts "hello world" as an empty
 * description, ports above 65535 and any payload type number), prints a stack trace for each
 * line it cannot parse, and mangles 64-bit origin numbers, so the lines we rely on
 * ({@code v= o= s= c= t= m=}) are checked here and the origin is taken from here.
 */
final class SdpPrecheck {

    /** Far above any real audio offer (a WebRTC offer with video and ICE is about 6 KiB). */
    static final int MAX_CHARS = 16 * 1024;
    static final int MAX_MEDIA = 16;
    static final int MAX_FORMATS = 64;

    private static final String TYPES = "vosiuepcbtrzkam";
    private static final Pattern ORIGIN =
            Pattern.compile("o=(\\S+) (\\d{1,20}) (\\d{1,20}) IN (\\S+) (\\S+)");
    private static final Pattern CONNECTION = Pattern.compile("c=(\\S+) (\\S+) (\\S+)");
    private static final Pattern TIMING = Pattern.compile("t=\\d{1,20} \\d{1,20}");
    private static final Pattern MEDIA = Pattern.compile("m=(\\S+) (\\d{1,9})(?:/\\d{1,5})? (\\S+)((?: \\S+)+)");

    /** The checked lines, and the origin read from them. */
    record Result(List<String> lines, SdpOrigin origin) {

        /** The lines again, CRLF-terminated, for javax.sdp. */
        String text() {
            return String.join("\r\n", lines) + "\r\n";
        }
    }

    private SdpPrecheck() {
    }

    static Result check(String text) throws MalformedSdpException {
        if (text == null || text.isBlank()) {
            throw new MalformedSdpException("the session description is empty");
        }
        if (text.length() > MAX_CHARS) {
            throw new MalformedSdpException("the session description has " + text.length()
                    + " characters, more than the limit of " + MAX_CHARS);
        }
        List<String> lines = lines(text);
        if (!lines.get(0).equals("v=0")) {
            throw new MalformedSdpException("a session description must start with v=0 (RFC 4566 5.1), not '"
                    + SdpText.excerpt(lines.get(0)) + "'");
        }
        SdpOrigin origin = null;
        boolean sessionName = false;
        boolean timing = false;
        int media = 0;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = "line " + (i + 1);
            switch (line.charAt(0)) {
                case 'v' -> throw new MalformedSdpException(where + ": a second v= line");
                case 'o' -> {
                    if (origin != null || media > 0) {
                        throw new MalformedSdpException(where + ": o= may appear once, at session level");
                    }
                    origin = origin(line, where);
                }
                case 's' -> sessionName |= media == 0;
                case 't' -> {
                    if (!TIMING.matcher(line).matches()) {
                        throw new MalformedSdpException(where + ": '" + SdpText.excerpt(line)
                                + "' is not t=<start> <stop>");
                    }
                    timing = true;
                }
                case 'c' -> connection(line, where);
                case 'm' -> {
                    media++;
                    if (media > MAX_MEDIA) {
                        throw new MalformedSdpException("more than " + MAX_MEDIA + " m= lines");
                    }
                    media(line, where);
                }
                default -> {
                    // other lines are left to javax.sdp
                }
            }
        }
        if (origin == null) {
            throw new MalformedSdpException("the session description has no o= line (RFC 4566 5.2)");
        }
        if (!sessionName) {
            throw new MalformedSdpException("the session description has no s= line (RFC 4566 5.3)");
        }
        if (!timing) {
            throw new MalformedSdpException("the session description has no t= line (RFC 4566 5.9)");
        }
        return new Result(lines, origin);
    }

    /** Splits on CRLF or LF (RFC 4566 5 asks parsers to accept both), trailing blanks dropped. */
    private static List<String> lines(String text) throws MalformedSdpException {
        String[] raw = text.split("\r?\n", -1);
        int end = raw.length;
        while (end > 0 && raw[end - 1].isBlank()) {
            end--;
        }
        List<String> lines = new ArrayList<>(end);
        for (int i = 0; i < end; i++) {
            String line = raw[i].stripTrailing();
            String where = "line " + (i + 1);
            if (line.length() < 2 || line.charAt(1) != '=' || TYPES.indexOf(line.charAt(0)) < 0) {
                throw new MalformedSdpException(where + " is not an SDP <type>=<value> line: '"
                        + SdpText.excerpt(line) + "'");
            }
            for (int c = 0; c < line.length(); c++) {
                char ch = line.charAt(c);
                if ((ch < 0x20 && ch != '\t') || ch == 0x7f) {
                    throw new MalformedSdpException(where + " contains the control character "
                            + String.format("0x%02x", (int) ch));
                }
            }
            lines.add(line);
        }
        return lines;
    }

    private static SdpOrigin origin(String line, String where) throws MalformedSdpException {
        Matcher m = ORIGIN.matcher(line);
        if (!m.matches()) {
            throw new MalformedSdpException(where + ": '" + SdpText.excerpt(line)
                    + "' is not o=<username> <sess-id> <sess-version> IN <addrtype> <address>");
        }
        return new SdpOrigin(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5));
    }

    private static void connection(String line, String where) throws MalformedSdpException {
        Matcher m = CONNECTION.matcher(line);
        if (!m.matches()) {
            throw new MalformedSdpException(where + ": '" + SdpText.excerpt(line)
                    + "' is not c=<nettype> <addrtype> <address>");
        }
        if (!m.group(1).equals("IN")) {
            throw new MalformedSdpException(where + ": network type '" + SdpText.excerpt(m.group(1))
                    + "' is not IN");
        }
        SdpAddresses.parse(m.group(2), m.group(3), where);
    }

    private static void media(String line, String where) throws MalformedSdpException {
        Matcher m = MEDIA.matcher(line);
        if (!m.matches()) {
            throw new MalformedSdpException(where + ": '" + SdpText.excerpt(line)
                    + "' is not m=<media> <port> <proto> <fmt> ...");
        }
        int port = Integer.parseInt(m.group(2));
        if (port > 65_535) {
            throw new MalformedSdpException(where + ": port " + port + " is out of range 0..65535");
        }
        String[] formats = m.group(4).trim().split(" ");
        if (formats.length > MAX_FORMATS) {
            throw new MalformedSdpException(where + ": " + formats.length + " formats, more than the limit of "
                    + MAX_FORMATS);
        }
        if (SdpMedia.isRtpProtocol(m.group(3))) {
            for (String format : formats) {
                if (!format.matches("\\d{1,3}") || Integer.parseInt(format) > 127) {
                    throw new MalformedSdpException(where + ": '" + SdpText.excerpt(format)
                            + "' is not an RTP payload type (0..127)");
                }
            }
        }
    }
}
