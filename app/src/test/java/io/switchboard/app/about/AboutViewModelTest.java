package io.switchboard.app.about;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class AboutViewModelTest {

    @Test
    void showsTheVersionJavaJavaFxAndTheSystem() {
        Map<String, String> properties = Map.of("java.version", "17.0.9", "java.vendor", "Debian",
                "javafx.runtime.version", "21.0.5+1", "os.name", "Linux", "os.version", "6.1", "os.arch", "amd64");
        AboutViewModel about = new AboutViewModel("0.1.0-SNAPSHOT", properties::get);

        assertThat(about.product()).isEqualTo("Switchboard");
        assertThat(about.lines()).extracting(AboutViewModel.Line::value)
                .containsExactly("0.1.0-SNAPSHOT", "17.0.9 (Debian)", "21.0.5+1", "Linux 6.1 (amd64)");
        assertThat(about.asText()).startsWith("Switchboard\nVersion: 0.1.0-SNAPSHOT\n");
    }

    @Test
    void aMissingPropertyReadsUnknown() {
        AboutViewModel about = new AboutViewModel("0.1.0", name -> null);

        assertThat(about.lines().get(2).value()).isEqualTo("unknown");
    }
}
