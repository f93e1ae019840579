package io.switchboard.deskphone;

import io.switchboard.core.model.Address;
import io.switchboard.media.sdp.AudioCapabilities;
import io.switchboard.sip.ua.SipProxy;

import java.net.InetAddress;
import java.util.Objects;

/**
 * One desk phone's line and behaviour.
 *
 * @param line          the line's address of record (user@domain)
 * @param password      its SIP digest password
 * @param proxy         the registrar/proxy the line registers with
 * @param toneHz        the tone sent as the phone's microphone (tell phones apart by it)
 * @param toneLevel     its amplitude, a fraction of full scale in (0, 1]
 * @param autoAnswer    when incoming calls are answered without the control API
 * @param localAddress  where the phone receives RTP (and names in its SDP); never a wildcard
 * @param capabilities  the codecs offered and accepted
 */
public record DeskPhoneConfig(Address line, String password, SipProxy proxy, double toneHz, double toneLevel,
                              AutoAnswerPolicy autoAnswer, InetAddress localAddress,
                              AudioCapabilities capabilities) {

    public static final double DEFAULT_TONE_HZ = 440;
    public static final double DEFAULT_TONE_LEVEL = 0.3;

    public DeskPhoneConfig {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(autoAnswer, "autoAnswer");
        Objects.requireNonNull(localAddress, "localAddress");
        Objects.requireNonNull(capabilities, "capabilities");
        if (!(toneHz >= 100 && toneHz <= 3400)) {
            throw new IllegalArgumentException("tone must be within the telephone band 100..3400 Hz: " + toneHz);
        }
        if (!(toneLevel > 0 && toneLevel <= 1)) {
            throw new IllegalArgumentException("tone level must be in (0, 1]: " + toneLevel);
        }
        if (localAddress.isAnyLocalAddress() || localAddress.isMulticastAddress()) {
            throw new IllegalArgumentException("not an address a peer can send RTP to: " + localAddress);
        }
    }

    /** A phone on loopback with a 440 Hz tone, answering by itself when asked, default codecs. */
    public static DeskPhoneConfig of(Address line, String password, SipProxy proxy) {
        return new DeskPhoneConfig(line, password, proxy, DEFAULT_TONE_HZ, DEFAULT_TONE_LEVEL,
                AutoAnswerPolicy.WHEN_ASKED, InetAddress.getLoopbackAddress(), AudioCapabilities.defaults());
    }

    public DeskPhoneConfig withTone(double hz) {
        return new DeskPhoneConfig(line, password, proxy, hz, toneLevel, autoAnswer, localAddress, capabilities);
    }

    public DeskPhoneConfig withAutoAnswer(AutoAnswerPolicy policy) {
        return new DeskPhoneConfig(line, password, proxy, toneHz, toneLevel, policy, localAddress, capabilities);
    }

    public DeskPhoneConfig withLocalAddress(InetAddress address) {
        return new DeskPhoneConfig(line, password, proxy, toneHz, toneLevel, autoAnswer, address, capabilities);
    }

    public DeskPhoneConfig withCapabilities(AudioCapabilities codecs) {
        return new DeskPhoneConfig(line, password, proxy, toneHz, toneLevel, autoAnswer, localAddress, codecs);
    }
}
