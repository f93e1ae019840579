package io.switchboard.core.version;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SwitchboardVersionTest {

    @Test
    void theBuildStampsItsVersion() {
        // the test runs from target/classes, filtered like the jar
        assertThat(SwitchboardVersion.current()).matches("\\d+\\.\\d+\\.\\d+.*").doesNotContain("${");
    }

    @Test
    void anUnfilteredOrEmptyStampIsUnknown() {
        assertThat(SwitchboardVersion.parse("${project.version}")).isEqualTo("unknown");
        assertThat(SwitchboardVersion.parse(" ")).isEqualTo("unknown");
        assertThat(SwitchboardVersion.parse(null)).isEqualTo("unknown");
        assertThat(SwitchboardVersion.parse(" 1.2.3 ")).isEqualTo("1.2.3");
    }
}
