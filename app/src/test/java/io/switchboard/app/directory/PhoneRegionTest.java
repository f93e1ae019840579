package io.switchboard.app.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PhoneRegionTest {

    @Test
    void thePreferenceThenTheLocalesCountryThenTheUs() {
        assertThat(PhoneRegion.choose(Optional.of("gb"), Locale.US)).isEqualTo("GB");
        assertThat(PhoneRegion.choose(Optional.empty(), Locale.GERMANY)).isEqualTo("DE");
        assertThat(PhoneRegion.choose(Optional.of(" "), Locale.ENGLISH)).isEqualTo("US");
    }
}
