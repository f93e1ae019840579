package io.switchboard.media;

import java.util.Locale;
import java.util.Optional;

/**
 * The audio codecs a call may use, in the preference order a Cisco softphone offers them.
 *
 * <p>G.722 is missing on purpose: the libjitsi build on Maven Central has no native G.722
 * encoder, and offering a codec we cannot encode would make a peer choose silence.
 */
public enum AudioCodec {
    /** RFC 7587: always 48 kHz and two channels in SDP, whatever is actually sent. */
    OPUS("opus", 48_000, 2, 111),
    PCMU("PCMU", 8_000, 1, 0),
    PCMA("PCMA", 8_000, 1, 8);

    private final String encodingName;
    private final int clockRate;
    private final int channels;
    private final int defaultPayloadType;

    AudioCodec(String encodingName, int clockRate, int channels, int defaultPayloadType) {
        this.encodingName = encodingName;
        this.clockRate = clockRate;
        this.channels = channels;
        this.defaultPayloadType = defaultPayloadType;
    }

    /** The name in {@code a=rtpmap} (RFC 4566 6; compared case-insensitively). */
    public String encodingName() {
        return encodingName;
    }

    public int clockRate() {
        return clockRate;
    }

    public int channels() {
        return channels;
    }

    /** The static payload type (RFC 3551) or the dynamic one we offer. */
    public int defaultPayloadType() {
        return defaultPayloadType;
    }

    /** Whether the payload type is fixed by RFC 3551 and may be used without an rtpmap line. */
    public boolean isStatic() {
        return defaultPayloadType < 96;
    }

    /** The codec an {@code a=rtpmap} names, if it is one of ours. */
    public static Optional<AudioCodec> byEncoding(String encodingName, int clockRate) {
        String name = encodingName.toLowerCase(Locale.ROOT);
        for (AudioCodec codec : values()) {
            if (codec.encodingName.toLowerCase(Locale.ROOT).equals(name) && codec.clockRate == clockRate) {
                return Optional.of(codec);
            }
        }
        return Optional.empty();
    }

    /** The codec a static payload type names without an rtpmap (RFC 3551 table 4). */
    public static Optional<AudioCodec> byStaticPayloadType(int payloadType) {
        for (AudioCodec codec : values()) {
            if (codec.isStatic() && codec.defaultPayloadType == payloadType) {
                return Optional.of(codec);
            }
        }
        return Optional.empty();
    }
}
