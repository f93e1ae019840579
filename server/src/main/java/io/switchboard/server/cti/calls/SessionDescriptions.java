package io.switchboard.server.cti.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The few SDP (RFC 4566) rewrites a signalling-only back-to-back user agent needs to connect two
 * phones' media directly (RFC 3725 third-party call control): a placeholder offer that lets a phone
 * answer before there is anyone to talk to, one side's description re-sent to the other side as an
 * offer under our own origin, and the media direction (hold). Line-based on purpose: the bodies
 * pass through otherwise untouched (codecs, SRTP keys, ptime) — the phones negotiate, not we.
 */
final class SessionDescriptions {

    private static final List<String> DIRECTIONS = List.of("sendrecv", "sendonly", "recvonly", "inactive");

    private SessionDescriptions() {
    }

    /**
     * An offer with no media flowing yet: our address, the discard port, inactive, with the usual
     * telephony codecs so the phone's answer says which of them it can use.
     */
    static String placeholderOffer(SdpOrigin origin) {
        String host = origin.host();
        return String.join("\r\n",
                "v=0",
                origin.nextLine(),
                "s=-",
                "c=IN IP4 " + host,
                "t=0 0",
                "m=audio 9 RTP/AVP 0 8 9 111 101",
                "a=rtpmap:0 PCMU/8000",
                "a=rtpmap:8 PCMA/8000",
                "a=rtpmap:9 G722/8000",
                "a=rtpmap:111 opus/48000/2",
                "a=rtpmap:101 telephone-event/8000",
                "a=fmtp:101 0-16",
                "a=inactive",
                "");
    }

    /**
     * {@code description} (one phone's offer or answer) as our next offer on another leg: its media
     * lines unchanged, the origin ours (the version rising with every offer on that leg), the
     * direction {@code direction}.
     */
    static String asOffer(String description, SdpOrigin origin, String direction) {
        List<String> out = new ArrayList<>();
        for (String line : lines(description)) {
            if (line.startsWith("o=")) {
                out.add(origin.nextLine());
            } else if (!isDirection(line)) {
                out.add(line);
            }
        }
        return withDirection(out, direction);
    }

    /** The direction of the first media section (or the session's), sendrecv when none is given. */
    static String direction(String description) {
        String session = "sendrecv";
        String media = null;
        boolean inMedia = false;
        for (String line : lines(description)) {
            if (line.startsWith("m=")) {
                if (inMedia) {
                    break;
                }
                inMedia = true;
            } else if (isDirection(line)) {
                if (inMedia) {
                    media = line.substring(2);
                } else {
                    session = line.substring(2);
                }
            }
        }
        return media != null ? media : session;
    }

    /** What answers an offer in {@code direction}: sendonly ↔ recvonly, the others as they are. */
    static String complement(String direction) {
        return switch (direction) {
            case "sendonly" -> "recvonly";
            case "recvonly" -> "sendonly";
            default -> direction;
        };
    }

    /** Where the description's first audio stream is received: {@code address:port}, if it says. */
    static Optional<String> mediaAddress(String description) {
        String connection = null;
        String port = null;
        for (String line : lines(description)) {
            if (line.startsWith("c=") && (port == null || connection == null)) {
                String[] parts = line.substring(2).trim().split("\\s+");
                if (parts.length == 3) {
                    connection = parts[2];
                }
            } else if (line.startsWith("m=audio ") && port == null) {
                String[] parts = line.substring(2).trim().split("\\s+");
                if (parts.length > 1) {
                    port = parts[1];
                }
            }
        }
        return connection == null || port == null ? Optional.empty() : Optional.of(connection + ":" + port);
    }

    private static String withDirection(List<String> lines, String direction) {
        if (!DIRECTIONS.contains(direction)) {
            throw new IllegalArgumentException("not an SDP direction: " + direction);
        }
        List<String> out = new ArrayList<>();
        boolean inMedia = false;
        for (String line : lines) {
            if (line.startsWith("m=")) {
                if (inMedia) {
                    out.add("a=" + direction);
                }
                inMedia = true;
            }
            out.add(line);
        }
        if (inMedia) {
            out.add("a=" + direction);
        }
        return String.join("\r\n", out) + "\r\n";
    }

    private static boolean isDirection(String line) {
        return line.startsWith("a=") && DIRECTIONS.contains(line.substring(2).trim().toLowerCase(Locale.ROOT));
    }

    private static List<String> lines(String description) {
        List<String> out = new ArrayList<>();
        for (String line : description.split("\r?\n")) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        return out;
    }
}
