package io.switchboard.media;

/**
 * The UDP ports calls may use for RTP and RTCP: an even RTP port and the odd one above it for
 * RTCP (RFC 3550 11). Cisco's default range is 16384–16424 (ten calls' worth of pairs and more);
 * firewalls are opened for exactly this range, so nothing outside it is ever bound.
 *
 * @param first the lowest port, even
 * @param last  the highest port, odd
 */
public record RtpPortRange(int first, int last) {

    public static final RtpPortRange CISCO_DEFAULT = new RtpPortRange(16384, 16424 + 1);

    public RtpPortRange {
        if (first < 1024 || last > 65535 || first >= last) {
            throw new IllegalArgumentException("RTP port range must be within 1024..65535 and hold a pair: "
                    + first + "-" + last);
        }
        if (first % 2 != 0) {
            throw new IllegalArgumentException("RTP port range must start at an even port: " + first);
        }
    }

    /** How many RTP/RTCP pairs fit, i.e. how many calls at once. */
    public int pairs() {
        return (last - first + 1) / 2;
    }
}
