package io.switchboard.app.preset;

import io.switchboard.app.LaunchOptions.ProxyOption;
import io.switchboard.app.settings.AccountType;
import io.switchboard.app.settings.CallMode;
import io.switchboard.app.settings.PhoneSettings;
import io.switchboard.app.signin.ServerAddress;
import io.switchboard.app.signin.SipProxyAddress;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.InvalidAddressException;
import io.switchboard.core.tls.CertificateFingerprint;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the text of the system-wide client configuration file: one {@code key = value} (or
 * {@code key: value}) a line, {@code #} and {@code !} start comments, as in a Java properties file
 * but without escapes or continued lines. A {@code [switchboard]} line is passed over: the Windows
 * installer writes the file with Windows Installer's INI support, which puts its keys under a
 * section (docs/installing.md). Written by IT, read by every user: a bad line must not
 * keep anyone from signing in, so each one is skipped with a warning naming its line, and the
 * rest still counts. Stateless.
 */
public final class SystemPresetParser {

    /** Keys a password might be put under by mistake: refused with their own message, never read. */
    private static final Set<String> SECRETS = Set.of("password", "passwd", "secret", "pin", "sip.password");

    /** The section the MSI's IniFile entries write the keys under. */
    private static final String INSTALLER_SECTION = "[switchboard]";

    private SystemPresetParser() {
    }

    /** What was read, and one warning per line skipped. */
    public record Result(SystemPreset preset, List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    /** @param source the file's name, for the warnings */
    public static Result parse(String text, String source) {
        Map<PresetKey, Object> values = new EnumMap<>(PresetKey.class);
        Map<PresetKey, Integer> seenAt = new EnumMap<>(PresetKey.class);
        List<String> lockedNames = new ArrayList<>();
        int lockedLine = 0;
        List<String> warnings = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = i == 0 && lines[0].startsWith("\uFEFF") ? lines[0].substring(1).strip() : lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")
                    || line.equalsIgnoreCase(INSTALLER_SECTION)) {
                continue;
            }
            String where = source + " line " + number;
            int separator = separator(line);
            if (separator < 0) {
                warnings.add(where + ": expected key=value, ignored");
                continue;
            }
            String key = line.substring(0, separator).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(separator + 1).strip();
            if (SECRETS.contains(key) || key.endsWith(".password")) {
                warnings.add(where + ": '" + key + "' ignored: passwords are never read from the system configuration");
                continue;
            }
            if (key.equals("locked")) {
                if (lockedLine > 0) {
                    warnings.add(where + ": 'locked' given again (first on line " + lockedLine
                            + "); this line replaces it");
                }
                lockedLine = number;
                lockedNames = List.of(value.split(","));
                continue;
            }
            if (key.startsWith("directory.")) {
                warnings.add(where + ": '" + key + "' ignored: the client finds the company directory through"
                        + " its server");
                continue;
            }
            Optional<PresetKey> known = PresetKey.of(key);
            if (known.isEmpty()) {
                warnings.add(where + ": unknown key '" + key + "', ignored");
                continue;
            }
            if (value.isEmpty()) {
                warnings.add(where + ": '" + key + "' has no value, ignored");
                continue;
            }
            try {
                Object parsed = value(known.get(), value);
                Integer before = seenAt.put(known.get(), number);
                if (before != null) {
                    warnings.add(where + ": '" + key + "' given again (first on line " + before
                            + "); this line replaces it");
                }
                values.put(known.get(), parsed);
            } catch (IllegalArgumentException e) {
                warnings.add(where + ": '" + key + "' ignored: " + e.getMessage());
            }
        }
        Set<PresetKey> locked = EnumSet.noneOf(PresetKey.class);
        for (String name : lockedNames) {
            String trimmed = name.strip().toLowerCase(Locale.ROOT);
            if (trimmed.isEmpty()) {
                continue;
            }
            Optional<PresetKey> key = PresetKey.of(trimmed);
            String where = source + " line " + lockedLine;
            if (key.isEmpty()) {
                warnings.add(where + ": 'locked' names the unknown key '" + trimmed + "', ignored");
            } else if (!values.containsKey(key.get())) {
                // locking a value that is not there would leave the user a field that cannot be filled
                warnings.add(where + ": 'locked' names '" + trimmed + "', which has no valid value; not locked");
            } else {
                locked.add(key.get());
            }
        }
        return new Result(preset(values, locked), warnings);
    }

    private static int separator(String line) {
        int equals = line.indexOf('=');
        int colon = line.indexOf(':');
        int first = equals < 0 ? colon : colon < 0 ? equals : Math.min(equals, colon);
        return first <= 0 ? -1 : first;
    }

    /** @throws IllegalArgumentException saying what is expected */
    private static Object value(PresetKey key, String value) {
        return switch (key) {
            case SERVER -> {
                ServerAddress.parse(value);
                yield value;
            }
            case DOMAIN -> domain(value);
            case ACCOUNT_TYPE -> switch (value.toLowerCase(Locale.ROOT)) {
                case "xmpp" -> AccountType.XMPP;
                case "sip" -> AccountType.SIP;
                default -> throw new IllegalArgumentException("expected xmpp or sip, not '" + value + "'");
            };
            case SIP_PROXY -> proxy(value, "sip.proxy");
            case PHONE_PROXY -> proxy(value, "phone-proxy");
            case CALL_MODE -> switch (value.toLowerCase(Locale.ROOT)) {
                case "softphone" -> CallMode.SOFTPHONE;
                case "desk-phone", "deskphone", "desk_phone" -> CallMode.DESK_PHONE;
                default -> throw new IllegalArgumentException("expected softphone or desk-phone, not '" + value + "'");
            };
            case DESK_LINE -> {
                PhoneSettings.lineProblem(value).ifPresent(problem -> {
                    throw new IllegalArgumentException(problem);
                });
                yield value;
            }
            case TRUST_FINGERPRINT -> CertificateFingerprint.normalise(value);
        };
    }

    private static String domain(String value) {
        try {
            return Address.of("user", value).domain();
        } catch (InvalidAddressException e) {
            throw new IllegalArgumentException("not a valid domain: " + e.getMessage(), e);
        }
    }

    private static ProxyOption proxy(String value, String what) {
        ProxyOption proxy = ProxyOption.parse(value);
        SipProxyAddress.parse(proxy.address(), proxy.transport(), what);   // host and port, as the form checks them
        return proxy;
    }

    @SuppressWarnings("unchecked")
    private static <T> Optional<T> get(Map<PresetKey, Object> values, PresetKey key) {
        return Optional.ofNullable((T) values.get(key));
    }

    private static SystemPreset preset(Map<PresetKey, Object> values, Set<PresetKey> locked) {
        return new SystemPreset(get(values, PresetKey.SERVER), get(values, PresetKey.DOMAIN),
                get(values, PresetKey.ACCOUNT_TYPE), get(values, PresetKey.SIP_PROXY), get(values, PresetKey.CALL_MODE),
                get(values, PresetKey.DESK_LINE), get(values, PresetKey.PHONE_PROXY),
                get(values, PresetKey.TRUST_FINGERPRINT), locked);
    }
}
