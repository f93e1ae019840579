package io.switchboard.sip.stack;

/**
 * Attached as application data to a parsed request whose Request-Line named another SIP version
 * than 2.0 (RFC 4475 3.1.2.16, "SIP/7.0"). JAIN-SIP's parser accepts such a request and rewrites
 * its version to SIP/2.0, so without this mark the server could not answer 505 (RFC 3261 8.2).
 *
 * @param version the version as the request wrote it (at most 32 characters)
 */
public record UnsupportedSipVersion(String version) {

    /** The version of a request's raw start line when it is not SIP/2.0, else null. */
    static String of(byte[] message) {
        if (message == null) {
            return null;
        }
        int start = 0;
        while (start + 1 < message.length && message[start] == '\r' && message[start + 1] == '\n') {
            start += 2; // RFC 3261 7.5: leading CRLFs before the start line are ignored
        }
        int end = start;
        while (end < message.length && message[end] != '\r' && message[end] != '\n') {
            end++;
        }
        String line = new String(message, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1).strip();
        if (line.regionMatches(true, 0, "SIP/", 0, 4)) {
            return null; // a response: its version is not ours to refuse
        }
        String version = line.substring(line.lastIndexOf(' ') + 1);
        if (!version.regionMatches(true, 0, "SIP/", 0, 4) || version.equalsIgnoreCase("SIP/2.0")) {
            return null;
        }
        return version.length() > 32 ? version.substring(0, 32) : version;
    }
}
