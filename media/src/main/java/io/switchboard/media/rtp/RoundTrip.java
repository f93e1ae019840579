package io.switchboard.media.rtp;

import net.sf.fmj.media.rtp.RTCPFeedback;
import net.sf.fmj.media.rtp.RTCPReport;
import net.sf.fmj.media.rtp.RTCPSenderReport;

import org.jitsi.service.neomedia.rtp.RTCPReports;

/**
 * The round-trip time of RFC 3550 6.4.1 from the reports the peer sent about our stream: the time
 * its report arrived, minus the time we sent the sender report it echoes (LSR), minus how long the
 * peer held it (DLSR). libjitsi does the same arithmetic against the wall clock in NTP form, but
 * the NTP timestamps its sender reports carry are on another time base, so its figure comes out
 * hours negative and is thrown away ("invalid_rtt"). Here the echoed timestamp only identifies
 * which of our sender reports it was; both ends of the interval are our own clock's readings.
 */
final class RoundTrip {

    private RoundTrip() {
    }

    /** The latest round trip in ms, or -1 before the peer has reported on one of our sender reports. */
    static long millis(RTCPReports reports, long localSsrc) {
        RTCPReport[] received = reports.getReceivedRTCPReports();
        RTCPReport[] sent = reports.getSentRTCPReports();
        for (int i = received.length - 1; i >= 0; i--) {
            for (RTCPFeedback feedback : received[i].getFeedbackReports()) {
                if (feedback.getSSRC() != localSsrc || feedback.getLSR() == 0) {
                    continue;
                }
                long sentAt = sentAt(sent, feedback.getLSR());
                if (sentAt >= 0) {
                    return millis(received[i].getSystemTimeStamp(), sentAt, feedback.getDLSR());
                }
            }
        }
        return -1;
    }

    /** When we sent the sender report whose NTP timestamp's middle 32 bits are {@code lsr}; -1 if forgotten. */
    private static long sentAt(RTCPReport[] sent, long lsr) {
        for (int i = sent.length - 1; i >= 0; i--) {
            if (sent[i] instanceof RTCPSenderReport report && middle32(report) == lsr) {
                return report.getSystemTimeStamp();
            }
        }
        return -1;
    }

    static long middle32(RTCPSenderReport report) {
        return ((report.getNTPTimeStampMSW() & 0xFFFF) << 16) | ((report.getNTPTimeStampLSW() >>> 16) & 0xFFFF);
    }

    /** Arrival minus sending minus the peer's hold (DLSR, in 1/65536 s); -1 if that comes out negative. */
    static long millis(long arrivedAtMillis, long sentAtMillis, long delaySinceLastSenderReport) {
        long rtt = arrivedAtMillis - sentAtMillis - delaySinceLastSenderReport * 1000 / 65_536;
        return rtt < 0 ? -1 : rtt;
    }
}
