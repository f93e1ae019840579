package io.switchboard.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void roundTrip() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("nested").resolve("settings.json"));
        AppSettings settings = new AppSettings("localhost:5222", "alice@localhost", true, Theme.DARK, 5, false,
                SortOrder.BY_NAME, Map.of("localhost:5222", "AB:CD"));

        store.save(settings);

        assertThat(new SettingsStore(store.file()).load()).isEqualTo(settings);
        assertThat(Files.readString(store.file())).doesNotContainIgnoringCase("password");
    }

    @Test
    void theDeskPhoneChoiceIsKeptAndAFileFromBeforeItMeansTheSoftphone() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        store.save(AppSettings.defaults().withPhone(PhoneSettings.deskPhone("1001")));
        assertThat(store.load().phone()).isEqualTo(new PhoneSettings(CallMode.DESK_PHONE, "1001"));

        Files.writeString(dir.resolve("settings.json"), "{ \"lastUser\": \"alice@localhost\" }");
        assertThat(store.load().phone()).isEqualTo(PhoneSettings.SOFTPHONE);
    }

    @Test
    void aMissingFileMeansDefaults() {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        assertThat(store.load()).isEqualTo(AppSettings.defaults());
        assertThat(store.loadProblem()).isEmpty();
        assertThat(AppSettings.defaults().autoAwayMinutes()).isEqualTo(10);
    }

    @Test
    void aCorruptFileMeansDefaultsAndAWarningAndIsKeptAside() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{ \"lastUser\": \"alice@loc");
        SettingsStore store = new SettingsStore(file);

        assertThat(store.load()).isEqualTo(AppSettings.defaults());
        assertThat(store.loadProblem()).hasValueSatisfying(p -> assertThat(p).contains(file.toString(), "default settings"));
        assertThat(dir.resolve("settings.json.corrupt")).hasContent("{ \"lastUser\": \"alice@loc");

        store.save(AppSettings.defaults().withTheme(Theme.DARK));
        assertThat(store.load().theme()).isEqualTo(Theme.DARK);
        assertThat(store.loadProblem()).isEmpty();
    }

    @Test
    void wrongTypesAndEmptyFilesAreCorruptToo() throws Exception {
        Path file = dir.resolve("settings.json");
        SettingsStore store = new SettingsStore(file);
        Files.writeString(file, "{ \"theme\": \"PURPLE\" }");
        assertThat(store.load()).isEqualTo(AppSettings.defaults());
        Files.writeString(file, "");
        assertThat(store.load()).isEqualTo(AppSettings.defaults());
        assertThat(store.loadProblem()).isPresent();
    }

    @Test
    void anOlderOrNewerFileLoadsWithDefaultsForWhatIsMissing() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{ \"lastUser\": \"bob@example.com\", \"futureOption\": 42 }");

        AppSettings loaded = new SettingsStore(file).load();

        assertThat(loaded.lastUser()).isEqualTo("bob@example.com");
        assertThat(loaded.theme()).isEqualTo(Theme.LIGHT);
        assertThat(loaded.trustedCertificates()).isEmpty();
        assertThat(loaded.sortOrder()).isEqualTo(SortOrder.BY_AVAILABILITY);
    }
}
