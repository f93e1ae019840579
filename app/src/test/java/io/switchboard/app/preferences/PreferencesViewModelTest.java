package io.switchboard.app.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.app.settings.AppSettings;
import io.switchboard.app.settings.SettingsModel;
import io.switchboard.app.settings.SortOrder;
import io.switchboard.app.settings.Theme;
import io.switchboard.media.SrtpPolicy;
import io.switchboard.media.device.AudioDevicePreferences;
import io.switchboard.media.device.AudioDevices;
import io.switchboard.media.device.SoundCards;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PreferencesViewModelTest {

    private final List<AppSettings> saved = new ArrayList<>();
    private final SettingsModel settings = new SettingsModel(AppSettings.defaults()
            .withTrustedCertificate("chat.example.com", "AA:BB")
            .withTrustedCertificate("localhost:5222", "CC:DD"), saved::add);

    @Test
    void startsFromTheCurrentSettings() {
        settings.update(s -> s.withTheme(Theme.DARK).withAutoAwayMinutes(15).withShowOfflineContacts(false)
                .withSortOrder(SortOrder.BY_NAME));

        PreferencesViewModel form = new PreferencesViewModel(settings);

        assertThat(form.themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(form.autoAwayProperty().get()).isTrue();
        assertThat(form.autoAwayMinutesProperty().get()).isEqualTo(15);
        assertThat(form.showOfflineProperty().get()).isFalse();
        assertThat(form.sortOrderProperty().get()).isEqualTo(SortOrder.BY_NAME);
        assertThat(form.trustedCertificates()).containsExactly(
                new TrustedCertificate("chat.example.com", "AA:BB"), new TrustedCertificate("localhost:5222", "CC:DD"));
        assertThat(form.autoAwaySummary().get()).contains("after 15 min");
    }

    @Test
    void nothingChangesUntilApplied() {
        PreferencesViewModel form = new PreferencesViewModel(settings);
        form.themeProperty().set(Theme.DARK);
        form.autoAwayProperty().set(false);
        form.forget(form.trustedCertificates().get(0));

        assertThat(settings.get().theme()).isEqualTo(Theme.LIGHT);
        assertThat(settings.get().trustedCertificates()).hasSize(2);
        assertThat(saved).isEmpty();   // Cancel is simply not calling apply()
    }

    @Test
    void applyWritesEveryEditedValueAndSavesOnce() {
        PreferencesViewModel form = new PreferencesViewModel(settings);
        form.themeProperty().set(Theme.DARK);
        form.autoAwayMinutesProperty().set(25);
        form.showOfflineProperty().set(false);
        form.sortOrderProperty().set(SortOrder.BY_NAME);
        form.forget(new TrustedCertificate("chat.example.com", "AA:BB"));

        form.apply();

        AppSettings now = settings.get();
        assertThat(now.theme()).isEqualTo(Theme.DARK);
        assertThat(now.autoAwayMinutes()).isEqualTo(25);
        assertThat(now.showOfflineContacts()).isFalse();
        assertThat(now.sortOrder()).isEqualTo(SortOrder.BY_NAME);
        assertThat(now.trustedCertificates()).isEqualTo(Map.of("localhost:5222", "CC:DD"));
        assertThat(saved).containsExactly(now);
    }

    @Test
    void autoAwayOffIsStoredAsZeroAndComesBackWithTheDefaultMinutes() {
        PreferencesViewModel form = new PreferencesViewModel(settings);
        form.autoAwayProperty().set(false);
        form.apply();
        assertThat(settings.get().autoAwayMinutes()).isZero();

        PreferencesViewModel again = new PreferencesViewModel(settings);
        assertThat(again.autoAwayProperty().get()).isFalse();
        assertThat(again.autoAwayMinutesProperty().get()).isEqualTo(AppSettings.DEFAULT_AUTO_AWAY_MINUTES);
        assertThat(again.autoAwaySummary().get()).contains("stays as you set it");
    }

    @Test
    void minutesOutsideTheRangeAreClamped() {
        PreferencesViewModel form = new PreferencesViewModel(settings);
        form.autoAwayMinutesProperty().set(100_000);
        form.apply();
        assertThat(settings.get().autoAwayMinutes()).isEqualTo(PreferencesViewModel.MAX_AUTO_AWAY_MINUTES);

        form.autoAwayMinutesProperty().set(-3);
        form.apply();
        assertThat(settings.get().autoAwayMinutes()).isEqualTo(PreferencesViewModel.MIN_AUTO_AWAY_MINUTES);
    }

    @Test
    void aChosenSoundDeviceThatIsUnpluggedStaysChosenAndMarked() {
        settings.update(s -> s.withAudio(AudioDevicePreferences.SYSTEM_DEFAULTS.withMicrophone("USB Headset")
                .withRinger("USB Headset")));

        try (AudioDevices devices = new AudioDevices(new SoundCards(), () -> settings.get().audio())) {
            PreferencesViewModel form = new PreferencesViewModel(settings, Optional.of(devices));

            assertThat(form.hasSoundDevices()).isTrue();
            assertThat(form.microphones().get(0)).isEqualTo(new DeviceOption("", "System default"));
            assertThat(form.microphoneProperty().get()).isEqualTo(new DeviceOption("USB Headset",
                    "USB Headset (not connected)"));
            assertThat(form.microphones()).contains(form.microphoneProperty().get());
            assertThat(form.speakerProperty().get().label()).isEqualTo("System default");
            assertThat(form.ringerProperty().get().label()).isEqualTo("USB Headset (not connected)");
            assertThat(form.speakers()).containsOnlyOnce(form.ringerProperty().get());
        }
    }

    @Test
    void okSavesTheChosenSoundDevices() {
        try (AudioDevices devices = new AudioDevices(new SoundCards(), () -> settings.get().audio())) {
            PreferencesViewModel form = new PreferencesViewModel(settings, Optional.of(devices));
            form.speakerProperty().set(new DeviceOption("Headset", "Headset"));

            form.apply();

            assertThat(settings.get().audio()).isEqualTo(new AudioDevicePreferences("", "Headset", ""));
            assertThat(saved).last().extracting(AppSettings::audio).isEqualTo(settings.get().audio());
        }
    }

    @Test
    void withoutSoundDevicesTheSoundChoicesAreLeftAlone() {
        settings.update(s -> s.withAudio(AudioDevicePreferences.SYSTEM_DEFAULTS.withSpeaker("Desk speaker")));
        PreferencesViewModel form = new PreferencesViewModel(settings);

        form.themeProperty().set(Theme.DARK);
        form.apply();

        assertThat(form.hasSoundDevices()).isFalse();
        assertThat(settings.get().audio().speaker()).isEqualTo("Desk speaker");
    }

    @Test
    void callEncryptionIsWhenPossibleByDefaultAndOkSavesTheChoice() {
        PreferencesViewModel form = new PreferencesViewModel(settings);
        assertThat(form.callEncryptionProperty().get()).isEqualTo(SrtpPolicy.OPTIONAL);

        form.callEncryptionProperty().set(SrtpPolicy.REQUIRED);
        form.apply();

        assertThat(settings.get().callEncryption()).isEqualTo(SrtpPolicy.REQUIRED);
    }
}
