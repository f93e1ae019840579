package io.switchboard.media.sdp;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code a=rtpmap:<payload type> <encoding name>/<clock rate>[/<channels>]} value
 * (RFC 4566 6).
 */
record RtpMap(int payloadType, String encodingName, int clockRate, int channels) {

    static final String TELEPHONE_EVENT = "telephone-event";

    private static final Pattern SYNTAX =
            Pattern.compile("(\\d{1,3}) ([^/\\s]+)/(\\d{1,9})(?:/(\\d{1,3}))?");

    static RtpMap parse(String value, String where) throws MalformedSdpException {
        Matcher m = SYNTAX.matcher(value.trim());
        if (!m.matches()) {
            throw new MalformedSdpException(where + ": 'a=rtpmap:" + SdpText.excerpt(value)
                    + "' is not a=rtpmap:<payload type> <encoding>/<clock rate>[/<channels>]");
        }
        int payloadType = Integer.parseInt(m.group(1));
        int clockRate = Integer.parseInt(m.group(3));
        int channels = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
        if (payloadType > 127 || clockRate == 0 || channels == 0) {
            throw new MalformedSdpException(where + ": 'a=rtpmap:" + SdpText.excerpt(value)
                    + "' has a payload type above 127 or a zero clock rate or channel count");
        }
        return new RtpMap(payloadType, m.group(2), clockRate, channels);
    }

    boolean isTelephoneEvent() {
        return encodingName.toLowerCase(Locale.ROOT).equals(TELEPHONE_EVENT);
    }

    /** The value after {@code a=rtpmap:}; channels only when more than one (RFC 4566 6). */
    String text() {
        return payloadType + " " + encodingName + "/" + clockRate + (channels > 1 ? "/" + channels : "");
    }
}
