package io.switchboard.media.sdp;

import io.switchboard.media.AudioCodec;
import io.switchboard.media.MediaDirection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RTP view of one audio m-line of a description: payload types with their rtpmaps, the
 * effective connection and direction, packet time and RTCP port. Built only for the streams the
 * offer/answer logic looks at, so a bad rtpmap on a stream we reject anyway costs nothing.
 */
final class RtpStreamDescription {

    private static final Logger LOG = LoggerFactory.getLogger(RtpStreamDescription.class);

    private final String label;
    private final SdpMedia media;
    private final SdpConnection connection;
    private final MediaDirection direction;
    private final List<Integer> payloadTypes;
    private final Map<Integer, RtpMap> rtpMaps;
    private final OptionalInt packetTime;
    private final OptionalInt rtcpPort;
    private final Optional<SdpConnection> rtcpConnection;

    private RtpStreamDescription(String label, SdpMedia media, SdpConnection connection,
            MediaDirection direction, List<Integer> payloadTypes, Map<Integer, RtpMap> rtpMaps,
            OptionalInt packetTime, OptionalInt rtcpPort, Optional<SdpConnection> rtcpConnection) {
        this.label = label;
        this.media = media;
        this.connection = connection;
        this.direction = direction;
        this.payloadTypes = payloadTypes;
        this.rtpMaps = rtpMaps;
        this.packetTime = packetTime;
        this.rtcpPort = rtcpPort;
        this.rtcpConnection = rtcpConnection;
    }

    /** The m-line at {@code index}, which must be an accepted (port > 0) RTP stream. */
    static RtpStreamDescription of(SdpDescription sdp, int index) throws MalformedSdpException {
        SdpMedia media = sdp.media().get(index);
        String label = SdpMedia.label(index, media);
        SdpConnection connection = sdp.connectionOf(media).orElseThrow(() -> new MalformedSdpException(
                label + " has no c= line and there is none at session level (RFC 4566 5.7)"));
        List<Integer> payloadTypes = new ArrayList<>();
        for (String format : media.formats()) {
            payloadTypes.add(Integer.parseInt(format)); // checked to be 0..127 by SdpPrecheck
        }
        Map<Integer, RtpMap> rtpMaps = new HashMap<>();
        for (String value : media.values("rtpmap")) {
            RtpMap map = RtpMap.parse(value, label);
            rtpMaps.putIfAbsent(map.payloadType(), map);
        }
        MediaDirection declared = sdp.directionOf(media);
        // RFC 3264 8.4: c=0.0.0.0 is RFC 2543's hold; the writer wants nothing sent to it.
        MediaDirection direction = connection.isHold() ? declared.and(MediaDirection.SENDONLY) : declared;
        OptionalInt rtcpPort = OptionalInt.empty();
        Optional<SdpConnection> rtcpConnection = Optional.empty();
        List<String> rtcp = media.values("rtcp");
        if (!rtcp.isEmpty()) {
            String[] parts = rtcp.get(0).trim().split(" ");
            if (!parts[0].matches("\\d{1,5}") || Integer.parseInt(parts[0]) < 1
                    || Integer.parseInt(parts[0]) > 65_535 || (parts.length != 1 && parts.length != 4)
                    || (parts.length == 4 && !parts[1].equals("IN"))) {
                throw new MalformedSdpException(label + ": 'a=rtcp:" + SdpText.excerpt(rtcp.get(0))
                        + "' is not a=rtcp:<port> [IN <addrtype> <address>] (RFC 3605)");
            }
            rtcpPort = OptionalInt.of(Integer.parseInt(parts[0]));
            if (parts.length == 4) {
                rtcpConnection = Optional.of(SdpAddresses.parse(parts[2], parts[3], label + "'s a=rtcp"));
            }
        }
        return new RtpStreamDescription(label, media, connection, direction, List.copyOf(payloadTypes),
                Map.copyOf(rtpMaps), packetTime(media, label), rtcpPort, rtcpConnection);
    }

    /** a=ptime is advice (RFC 4566 6): one we cannot read is logged and ignored, not fatal. */
    private static OptionalInt packetTime(SdpMedia media, String label) {
        List<String> values = media.values("ptime");
        if (values.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            long millis = Math.round(Double.parseDouble(values.get(0).trim()));
            if (millis >= 1 && millis <= 1000) {
                return OptionalInt.of((int) millis);
            }
        } catch (NumberFormatException e) {
            // fall through to the log line
        }
        LOG.debug("{}: ignoring unusable a=ptime:{}", label, SdpText.excerpt(values.get(0)));
        return OptionalInt.empty();
    }

    String label() {
        return label;
    }

    SdpMedia media() {
        return media;
    }

    int port() {
        return media.port();
    }

    /** The direction as the writer of this description sees it, with c=0.0.0.0 folded in. */
    MediaDirection direction() {
        return direction;
    }

    List<Integer> payloadTypes() {
        return payloadTypes;
    }

    OptionalInt packetTime() {
        return packetTime;
    }

    /** Our codec behind a payload type: its rtpmap, else the static assignment (RFC 3551). */
    Optional<AudioCodec> codec(int payloadType) {
        RtpMap map = rtpMaps.get(payloadType);
        if (map != null) {
            return AudioCodec.byEncoding(map.encodingName(), map.clockRate());
        }
        return AudioCodec.byStaticPayloadType(payloadType);
    }

    /** The telephone-event payload type with this clock rate, first in format order. */
    OptionalInt telephoneEvent(int clockRate) {
        for (int payloadType : payloadTypes) {
            RtpMap map = rtpMaps.get(payloadType);
            if (map != null && map.isTelephoneEvent() && map.clockRate() == clockRate) {
                return OptionalInt.of(payloadType);
            }
        }
        return OptionalInt.empty();
    }

    /** The encodings offered, for "no common codec" messages: {@code [iLBC/8000, 18]}. */
    List<String> describeFormats() {
        return payloadTypes.stream()
                .map(pt -> Optional.ofNullable(rtpMaps.get(pt))
                        .map(m -> m.encodingName() + "/" + m.clockRate())
                        .or(() -> AudioCodec.byStaticPayloadType(pt).map(c -> c.encodingName() + "/" + c.clockRate()))
                        .orElse("payload type " + pt))
                .toList();
    }

    /** Where this stream's writer receives RTP. */
    InetSocketAddress rtpAddress() throws UnacceptableSdpException {
        return new InetSocketAddress(connection.requireUnicastLiteral(label + "'s c= line"), media.port());
    }

    /** Where its writer receives RTCP: a=rtcp (RFC 3605), else the RTP port + 1 (RFC 3550 11). */
    InetSocketAddress rtcpAddress() throws UnacceptableSdpException {
        InetAddress address = rtcpConnection.isPresent()
                ? rtcpConnection.get().requireUnicastLiteral(label + "'s a=rtcp line")
                : connection.requireUnicastLiteral(label + "'s c= line");
        int port = rtcpPort.orElse(Math.min(media.port() + 1, 65_535));
        return new InetSocketAddress(address, port);
    }
}
