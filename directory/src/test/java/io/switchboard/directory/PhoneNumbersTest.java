package io.switchboard.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** E.164 with fictional numbers only: Ofcom's drama range 020 7946 0xxx and the US 555-01xx. */
class PhoneNumbersTest {

    private static final PhoneNumbers.ExtensionRule FOUR_DIGITS = new PhoneNumbers.ExtensionRule(4, "+1408555");

    private final PhoneNumbers us = new PhoneNumbers("US", Optional.of(FOUR_DIGITS));
    private final PhoneNumbers gb = new PhoneNumbers("GB");
    private final PhoneNumbers de = new PhoneNumbers("de");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "US | +44 20 7946 0958   | +442079460958",
            "US | (408) 555-0100     | +14085550100",
            "US | 408.555.0199       | +14085550199",
            "US | +1-408-555-0123    | +14085550123",
            "GB | 020 7946 0958      | +442079460958",
            "GB | 020 7946 0000      | +442079460000",
            "GB | 00 1 408 555 0100  | +14085550100",
            "GB | +44 (0)20 7946 0958 | +442079460958",
            "DE | 00 44 20 7946 0958 | +442079460958",
            "DE | 0044 20 7946 0001  | +442079460001",
            "DE | +1 408 555 0142    | +14085550142"})
    void normalisesToE164(String region, String raw, String e164) {
        assertThat(new PhoneNumbers(region).toE164(raw)).contains(e164);
    }

    @Test
    void anExtensionOfTheRuleLengthBelongsToItsPrefix() {
        assertThat(us.toE164("1001")).contains("+14085551001");
        assertThat(us.toE164(" 0100 ")).contains("+14085550100");
        assertThat(us.extensionOf("+14085551001")).contains("1001");
        assertThat(us.extensionOf("(408) 555-1001")).contains("1001");
    }

    @Test
    void numbersOutsideTheRuleHaveNoExtension() {
        assertThat(us.extensionOf("+442079460958")).isEmpty();
        assertThat(us.extensionOf("+14085561001")).isEmpty();
        assertThat(gb.extensionOf("+14085551001")).isEmpty();
        assertThat(gb.toE164("1001")).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "abc", "call me", "12", "+", "+44", "555",
            "1234567890123456789012345", "+44 20 7946 0958 0000000000000000000000000000000000000000000000000"})
    void refusesWhatIsNoPhoneNumber(String raw) {
        assertThat(us.toE164(raw)).isEmpty();
        assertThat(gb.toE164(raw)).isEmpty();
    }

    @Test
    void refusesOverLongInputBeforeParsingIt() {
        String padded = "+44 20 7946 0958" + " ".repeat(PhoneNumbers.MAX_INPUT_LENGTH);

        assertThat(gb.toE164(padded)).isEmpty();
        assertThat(gb.dialString(padded)).isEmpty();
    }

    @Test
    void dialsE164WhenKnownElseTheDiallableCharacters() {
        assertThat(gb.dialString("020 7946 0958")).isEqualTo("+442079460958");
        assertThat(us.dialString("1001")).isEqualTo("+14085551001");
        assertThat(gb.dialString("*97#")).isEqualTo("*97#");
        assertThat(gb.dialString("12")).isEqualTo("12");
        assertThat(gb.dialString(null)).isEmpty();
    }

    @Test
    void tellsTheSameNumberHoweverSpelt() {
        assertThat(gb.sameNumber("020 7946 0958", "+44 20 7946 0958")).isTrue();
        assertThat(de.sameNumber("0044 20 7946 0958", "+44 (0)20 7946 0958")).isTrue();
        assertThat(us.sameNumber("1001", "+1 (408) 555-1001")).isTrue();
        assertThat(gb.sameNumber("020 7946 0958", "020 7946 0959")).isFalse();
        assertThat(gb.sameNumber("*97#", "*97#")).isTrue();
        assertThat(gb.sameNumber("", "")).isFalse();
        assertThat(gb.sameNumber("abc", "020 7946 0958")).isFalse();
    }

    @Test
    void refusesAnUnknownRegionAndABadRule() {
        assertThatThrownBy(() -> new PhoneNumbers("XX")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PhoneNumbers.ExtensionRule(0, "+1408555"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PhoneNumbers.ExtensionRule(4, "1408555"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PhoneNumbers.ExtensionRule(8, "+14085551234"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theServersNumberingMakesTheRuleAndAnUnusableOneFallsBack() {
        PhoneNumbers company = PhoneNumbers.of(java.util.Optional.of(new io.switchboard.core.model.PhoneNumbering(
                "GB", 4, java.util.Optional.of("+44207946"))), "US");
        assertThat(company.toE164("0001")).contains("+442079460001");
        assertThat(company.toE164("020 7946 0002")).contains("+442079460002");

        PhoneNumbers tooLong = PhoneNumbers.of(java.util.Optional.of(new io.switchboard.core.model.PhoneNumbering(
                "XX", 8, java.util.Optional.of("+44207946012345"))), "GB");
        assertThat(tooLong.toE164("020 7946 0002")).as("the fallback region, no rule").contains("+442079460002");
        assertThat(PhoneNumbers.of(java.util.Optional.empty(), "GB").toE164("020 7946 0003"))
                .contains("+442079460003");
    }
}
