package io.switchboard.app.preset;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.app.settings.PlatformDirectories;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemPresetFileTest {

    @TempDir
    Path dir;

    private final PlatformDirectories linux = new PlatformDirectories(Map.of(), "Linux", Path.of("/home/alice"));

    @Test
    void theEnvironmentNamesAnotherFileElseThePlatformsIsRead() {
        Path mine = dir.resolve("preset.properties");
        assertThat(SystemPresetFile.locate(Map.of(SystemPresetFile.LOCATION_VARIABLE, mine.toString()), linux).file())
                .isEqualTo(mine);
        assertThat(SystemPresetFile.locate(Map.of(SystemPresetFile.LOCATION_VARIABLE, " "), linux).file())
                .isEqualTo(Path.of("/etc/switchboard/client.properties"));
    }

    @Test
    void aMissingFileIsNoPreset() {
        assertThat(new SystemPresetFile(dir.resolve("absent.properties")).read()).isEqualTo(SystemPreset.NONE);
    }

    @Test
    void aGoodFileIsRead() throws Exception {
        Path file = Files.writeString(dir.resolve("client.properties"), "server=example.com\nlocked=server\n");

        SystemPreset preset = new SystemPresetFile(file).read();

        assertThat(preset.server()).contains("example.com");
        assertThat(preset.isLocked(PresetKey.SERVER)).isTrue();
    }

    @Test
    void aFileOverTheSizeLimitIsIgnoredWhole() throws Exception {
        String padding = "# " + "x".repeat(SystemPresetFile.MAX_BYTES) + "\n";
        Path file = Files.writeString(dir.resolve("big.properties"), "server=example.com\n" + padding);

        assertThat(new SystemPresetFile(file).read()).isEqualTo(SystemPreset.NONE);
    }

    @Test
    void aDirectoryOrBinaryFileIsIgnored() throws Exception {
        assertThat(new SystemPresetFile(dir).read()).isEqualTo(SystemPreset.NONE);
        Path binary = Files.write(dir.resolve("binary"), new byte[] {'s', '=', (byte) 0xC3, (byte) 0x28});
        assertThat(new SystemPresetFile(binary).read()).isEqualTo(SystemPreset.NONE);
        Path latin1 = Files.write(dir.resolve("latin1"), "server=example.com\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(new SystemPresetFile(latin1).read().server()).contains("example.com");
    }
}
