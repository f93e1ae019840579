package io.switchboard.sip.call;

import java.nio.charset.StandardCharsets;

/** Reads the status of a message/sipfrag body (RFC 3420) in a REFER's NOTIFY: its status line. */
final class SipFrag {

    private static final int MAX_LINE = 256;

    private SipFrag() {
    }

    /** The status code of {@code SIP/2.0 200 OK...}, or 0 when the body is not a status line. */
    static int status(byte[] body) {
        if (body == null || body.length < 11) {
            return 0;
        }
        String start = new String(body, 0, Math.min(body.length, MAX_LINE), StandardCharsets.UTF_8);
        if (!start.startsWith("SIP/2.0 ")) {
            return 0;
        }
        String code = start.substring(8, 11);
        for (char c : code.toCharArray()) {
            if (c < '0' || c > '9') {
                return 0;
            }
        }
        int status = Integer.parseInt(code);
        return status >= 100 && status <= 699 ? status : 0;
    }
}
