package io.switchboard.media.sdp;

import io.switchboard.media.SrtpKey;
import io.switchboard.media.SrtpSuite;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the {@code a=crypto} lines of one m-line (RFC 4568 9.1 grammar, 9.2 for SRTP key
 * parameters). Stateless.
 *
 * <p>RFC 4568 lets a peer offer several lines and expects the receiver to skip what it does not
 * support (6.1, 6.3: unknown suites, key methods and session parameters): such lines are dropped
 * here with a debug log. Only a line that breaks the attribute's own grammar (no numeric tag, no
 * suite or no key parameters) or repeats a tag (4: the tag identifies the line) makes the
 * description malformed.
 *
 * <p>We drop, too, what libjitsi's SRTP cannot do: several keys or an MKI (packets would carry
 * an MKI field it does not read), and session parameters other than FEC_ORDER (which only
 * matters with FEC, and we send none). Key lifetimes are read but not enforced: the suites'
 * default limits (2^48 packets) and any lifetime from 2^20 up outlast a call by far.
 *
 * <p>No key material ever reaches a log or an exception message.
 */
final class CryptoAttributes {

    private static final Logger LOG = LoggerFactory.getLogger(CryptoAttributes.class);

    /** More than any real offer (each suite once, a few spare); the rest are not looked at. */
    static final int MAX_LINES = 16;
    /** An inline key of our suites is 40 characters; allow long MKI and lifetime parts, no more. */
    private static final int MAX_VALUE_CHARS = 512;

    private static final Pattern LINE = Pattern.compile("(\\d{1,9})[ \\t]+(\\S+)[ \\t]+(\\S+)((?:[ \\t]+\\S+)*)[ \\t]*");
    private static final Pattern SUITE = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern LIFETIME = Pattern.compile("(2\\^)?(\\d{1,15})");
    private static final Pattern MKI = Pattern.compile("\\d{1,10}:\\d{1,3}");
    private static final Pattern FEC_ORDER = Pattern.compile("FEC_ORDER=(FEC_SRTP|SRTP_FEC)");
    /** RFC 3711 3.2.1: at most 2^48 SRTP packets per master key. */
    private static final int MAX_LIFETIME_POWER = 48;

    private CryptoAttributes() {
    }

    /**
     * The lines of {@code media} we can use, in the writer's order (its preference).
     *
     * @throws MalformedSdpException a line breaks RFC 4568's grammar, or two lines share a tag
     */
    static List<CryptoAttribute> usable(SdpMedia media, String label) throws MalformedSdpException {
        List<String> values = media.values(CryptoAttribute.NAME);
        List<CryptoAttribute> usable = new ArrayList<>();
        Set<Integer> tags = new HashSet<>();
        for (int i = 0; i < values.size() && i < MAX_LINES; i++) {
            String value = values.get(i);
            if (value.length() > MAX_VALUE_CHARS) {
                LOG.debug("{}: ignoring an a=crypto line of {} characters", label, value.length());
                continue;
            }
            Matcher m = LINE.matcher(value);
            if (!m.matches() || !SUITE.matcher(m.group(2)).matches()) {
                throw new MalformedSdpException(label + ": a=crypto line " + (i + 1)
                        + " is not <tag> <crypto-suite> <key-params> [<session-params>] (RFC 4568 9.1)");
            }
            int tag = Integer.parseInt(m.group(1));
            if (!tags.add(tag)) {
                throw new MalformedSdpException(label + ": two a=crypto lines have the tag " + tag + " (RFC 4568 4)");
            }
            Optional<String> why = unusable(m.group(2), m.group(3), m.group(4).trim());
            if (why.isPresent()) {
                LOG.debug("{}: ignoring a=crypto tag {} ({}): {}", label, tag, SdpText.excerpt(m.group(2)), why.get());
                continue;
            }
            usable.add(new CryptoAttribute(tag, SrtpSuite.byName(m.group(2)).orElseThrow(),
                    SrtpKey.of(Base64.getDecoder().decode(keySalt(m.group(3))))));
        }
        return usable;
    }

    /** Why we cannot use a well-formed line, if we cannot. */
    private static Optional<String> unusable(String suite, String keyParams, String sessionParams) {
        if (SrtpSuite.byName(suite).isEmpty()) {
            return Optional.of("unknown or unsupported crypto suite");
        }
        if (keyParams.contains(";")) {
            return Optional.of("several master keys (needs MKI, which we do not support)");
        }
        int colon = keyParams.indexOf(':');
        if (colon < 0 || !keyParams.substring(0, colon).toLowerCase(Locale.ROOT).equals("inline")) {
            return Optional.of("key method is not inline");
        }
        String[] info = keyParams.substring(colon + 1).split("\\|", -1);
        if (info.length > 3) {
            return Optional.of("too many '|' parts in the key parameter");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(info[0]);
        } catch (IllegalArgumentException e) {
            return Optional.of("the key is not base64");
        }
        if (key.length != SrtpSuite.KEY_AND_SALT_BYTES) {
            return Optional.of("the key and salt are " + key.length + " bytes, the suite needs "
                    + SrtpSuite.KEY_AND_SALT_BYTES);
        }
        for (int i = 1; i < info.length; i++) {
            String part = info[i];
            if (MKI.matcher(part).matches()) {
                if (i != info.length - 1) {
                    return Optional.of("MKI before the lifetime");
                }
                return Optional.of("an MKI, which we do not support");
            }
            if (i == 1 && !validLifetime(part)) {
                return Optional.of("lifetime is not [2^]<number> within 2^48");
            }
            if (i == 2) {
                return Optional.of("the third key part is not an MKI");
            }
        }
        if (!sessionParams.isEmpty()) {
            for (String param : sessionParams.split("[ \\t]+")) {
                if (!FEC_ORDER.matcher(param).matches()) {
                    return Optional.of("session parameter '" + SdpText.excerpt(param) + "' is not supported");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean validLifetime(String lifetime) {
        Matcher m = LIFETIME.matcher(lifetime);
        if (!m.matches()) {
            return false;
        }
        long value = Long.parseLong(m.group(2));
        return m.group(1) != null ? value <= MAX_LIFETIME_POWER : value > 0 && value <= (1L << MAX_LIFETIME_POWER);
    }

    private static String keySalt(String keyParams) {
        String info = keyParams.substring(keyParams.indexOf(':') + 1);
        int bar = info.indexOf('|');
        return bar < 0 ? info : info.substring(0, bar);
    }
}
