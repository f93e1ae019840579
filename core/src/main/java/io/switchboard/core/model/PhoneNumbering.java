package io.switchboard.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * How the company's phone numbers are read (the server advertises it with the directory): numbers
 * written without a country code are in {@code region}, and internal extensions of
 * {@code extensionDigits} digits are, when {@code extensionPrefix} is given, numbers of the block it
 * starts (extension 1001 with prefix +1408555 is +14085551001).
 *
 * @param region          ISO 3166 country code, e.g. "GB"
 * @param extensionDigits how many digits an internal extension has; 0 when there are none
 * @param extensionPrefix the E.164 prefix that makes an extension a full number; empty: extensions
 *                        are dialled as they are and have no outside number
 */
public record PhoneNumbering(String region, int extensionDigits, Optional<String> extensionPrefix) {

    public PhoneNumbering {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(extensionPrefix, "extensionPrefix");
        if (extensionDigits < 0) {
            throw new IllegalArgumentException("extensionDigits " + extensionDigits);
        }
    }

    /**
     * The numbering a server advertises, read leniently: empty without a two-letter region; digits
     * that are not 0–8 count as no extensions and a prefix that is not E.164-like is left out, so a
     * malformed detail costs that detail, not the directory.
     */
    public static Optional<PhoneNumbering> advertised(Optional<String> region, Optional<String> extensionDigits,
                                                      Optional<String> extensionPrefix) {
        Optional<String> country = region.filter(r -> r.matches("[A-Za-z]{2}"));
        if (country.isEmpty()) {
            return Optional.empty();
        }
        int digits = extensionDigits.filter(d -> d.matches("[0-8]")).map(Integer::parseInt).orElse(0);
        return Optional.of(new PhoneNumbering(country.get().toUpperCase(java.util.Locale.ROOT), digits,
                extensionPrefix.filter(p -> p.matches("\\+[1-9][0-9]{0,13}"))));
    }
}
