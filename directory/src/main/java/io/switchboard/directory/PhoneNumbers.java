package io.switchboard.directory;

import io.switchboard.core.model.PhoneNumbering;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers as a directory spells them ("+44 20 7946 0958", "(408) 555-0100", "1001") turned
 * into E.164 ("+442079460958") with libphonenumber, so that a number from the directory, one
 * dialled and one in a SIP URI can be compared and dialled. Numbers in national format are read
 * in the default region; a short internal extension is mapped by an optional
 * {@link ExtensionRule}. Thread-safe.
 */
public final class PhoneNumbers {

    /** Longer input is not a phone number (an E.164 number has at most 15 digits). */
    public static final int MAX_INPUT_LENGTH = 64;

    private static final Pattern E164_PREFIX = Pattern.compile("\\+[1-9]\\d{0,13}");
    private static final int E164_MAX_DIGITS = 15;

    /**
     * Internal extensions of exactly {@code digits} digits that belong to a block of E.164
     * numbers: extension {@code 1001} with {@code new ExtensionRule(4, "+1408555")} is
     * {@code +14085551001}.
     */
    public record ExtensionRule(int digits, String e164Prefix) {
        public ExtensionRule {
            Objects.requireNonNull(e164Prefix, "e164Prefix");
            if (digits <= 0 || !E164_PREFIX.matcher(e164Prefix).matches()
                    || e164Prefix.length() - 1 + digits > E164_MAX_DIGITS) {
                throw new IllegalArgumentException("An extension rule needs a positive digit count and an E.164 "
                        + "prefix (+ and digits) making at most 15 digits with it: " + digits + ", " + e164Prefix);
            }
        }

        boolean isExtension(String text) {
            return text.length() == digits && text.chars().allMatch(c -> c >= '0' && c <= '9');
        }
    }

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final String defaultRegion;
    private final Optional<ExtensionRule> extensionRule;

    /**
     * Numbers read as {@code numbering} says (the server's advertisement), else in {@code fallbackRegion}
     * without extensions.
     */
    public static PhoneNumbers of(Optional<PhoneNumbering> numbering, String fallbackRegion) {
        if (numbering.isEmpty()) {
            return new PhoneNumbers(fallbackRegion);
        }
        PhoneNumbering n = numbering.get();
        // what a server advertises is not trusted to make a valid rule or name a known region
        Optional<ExtensionRule> rule = Optional.empty();
        if (n.extensionDigits() > 0 && n.extensionPrefix().isPresent()) {
            try {
                rule = Optional.of(new ExtensionRule(n.extensionDigits(), n.extensionPrefix().get()));
            } catch (IllegalArgumentException unusable) {
                rule = Optional.empty();
            }
        }
        try {
            return new PhoneNumbers(n.region(), rule);
        } catch (IllegalArgumentException unknownRegion) {
            return new PhoneNumbers(fallbackRegion, rule);
        }
    }

    /** Numbers in national format are read in {@code defaultRegion} (ISO 3166 code, e.g. "GB"); no extensions. */
    public PhoneNumbers(String defaultRegion) {
        this(defaultRegion, Optional.empty());
    }

    public PhoneNumbers(String defaultRegion, Optional<ExtensionRule> extensionRule) {
        String region = Objects.requireNonNull(defaultRegion, "defaultRegion").toUpperCase(Locale.ROOT);
        if (!UTIL.getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException("Unknown region " + defaultRegion + "; use an ISO 3166 code such as GB");
        }
        this.defaultRegion = region;
        this.extensionRule = Objects.requireNonNull(extensionRule, "extensionRule");
    }

    /** The number in E.164, or empty when {@code raw} is no possible phone number. */
    public Optional<String> toE164(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_INPUT_LENGTH) {
            return Optional.empty();
        }
        String text = raw.strip();
        if (extensionRule.isPresent() && extensionRule.get().isExtension(text)) {
            return Optional.of(extensionRule.get().e164Prefix() + text);
        }
        try {
            PhoneNumber number = UTIL.parse(text, defaultRegion);
            // possible, not valid: directories hold numbers from ranges newer than our metadata; but
            // possible as a whole number, not only when dialled locally (a GB "1001" is +44 1001 so)
            if (UTIL.isPossibleNumberWithReason(number) != ValidationResult.IS_POSSIBLE) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberFormat.E164));
        } catch (NumberParseException notANumber) {
            return Optional.empty();
        }
    }

    /** What a phone should dial for {@code raw}: its E.164 form when known, else its diallable characters. */
    public String dialString(String raw) {
        if (raw == null || raw.length() > MAX_INPUT_LENGTH) {
            return "";
        }
        return toE164(raw).orElseGet(() -> PhoneNumberUtil.normalizeDiallableCharsOnly(raw));
    }

    /** Whether {@code a} and {@code b} reach the same phone, however each is spelt. */
    public boolean sameNumber(String a, String b) {
        Optional<String> first = toE164(a);
        Optional<String> second = toE164(b);
        if (first.isPresent() || second.isPresent()) {
            return first.equals(second);
        }
        String dialA = dialString(a);
        return !dialA.isEmpty() && dialA.equals(dialString(b));
    }

    /** The internal extension that {@code e164} is under the extension rule, if it is one. */
    public Optional<String> extensionOf(String e164) {
        if (extensionRule.isEmpty()) {
            return Optional.empty();
        }
        ExtensionRule rule = extensionRule.get();
        return toE164(e164)
                .filter(number -> number.startsWith(rule.e164Prefix())
                        && number.length() == rule.e164Prefix().length() + rule.digits())
                .map(number -> number.substring(rule.e164Prefix().length()));
    }

    /** {@code e164} as dialled at home in its country ("020 7946 0001" for +44 20 7946 0001), if it is a number. */
    public Optional<String> nationalForm(String e164) {
        if (e164 == null || e164.length() > MAX_INPUT_LENGTH) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(e164, defaultRegion);
            return UTIL.isPossibleNumber(number) ? Optional.of(UTIL.format(number, PhoneNumberFormat.NATIONAL))
                    : Optional.empty();
        } catch (NumberParseException notANumber) {
            return Optional.empty();
        }
    }
}
