package io.switchboard.app.directory;

import java.util.Locale;
import java.util.Optional;

/**
 * The region in which national phone numbers of the directory are read: the user's choice when
 * there is one, else the country of the computer's locale, else the US (libphonenumber needs one).
 */
public final class PhoneRegion {

    /** When neither the preference nor the locale names a country. */
    public static final String FALLBACK = "US";

    private PhoneRegion() {
    }

    public static String choose(Optional<String> preference, Locale locale) {
        return preference.map(String::strip).filter(r -> !r.isEmpty())
                .or(() -> Optional.ofNullable(locale).map(Locale::getCountry).filter(c -> c.length() == 2))
                .map(r -> r.toUpperCase(Locale.ROOT))
                .orElse(FALLBACK);
    }
}
