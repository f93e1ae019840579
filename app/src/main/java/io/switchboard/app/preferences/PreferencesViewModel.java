package io.switchboard.app.preferences;

import io.switchboard.app.settings.AppSettings;
import io.switchboard.app.settings.SettingsModel;
import io.switchboard.app.settings.SortOrder;
import io.switchboard.app.settings.Theme;

import io.switchboard.media.SrtpPolicy;
import io.switchboard.media.device.AudioDevice;
import io.switchboard.media.device.AudioDevicePreferences;
import io.switchboard.media.device.AudioDevices;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The preferences dialog: a copy of the settings the user edits, written back only by
 * {@link #apply()} (OK), so Cancel leaves everything as it was. Used on the UI thread.
 */
public final class PreferencesViewModel {

    public static final int MIN_AUTO_AWAY_MINUTES = 1;
    public static final int MAX_AUTO_AWAY_MINUTES = 240;

    private final SettingsModel settings;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme");
    private final BooleanProperty autoAway = new SimpleBooleanProperty(this, "autoAway");
    private final IntegerProperty autoAwayMinutes = new SimpleIntegerProperty(this, "autoAwayMinutes");
    private final BooleanProperty showOffline = new SimpleBooleanProperty(this, "showOffline");
    private final ObjectProperty<SortOrder> sortOrder = new SimpleObjectProperty<>(this, "sortOrder");
    private final ObservableList<TrustedCertificate> trusted = FXCollections.observableArrayList();
    private final StringBinding autoAwaySummary;
    private final Optional<AudioDevices> devices;
    private final ObservableList<DeviceOption> microphones = FXCollections.observableArrayList();
    private final ObservableList<DeviceOption> speakers = FXCollections.observableArrayList();
    private final ObjectProperty<DeviceOption> microphone = new SimpleObjectProperty<>(this, "microphone");
    private final ObjectProperty<DeviceOption> speaker = new SimpleObjectProperty<>(this, "speaker");
    private final ObjectProperty<DeviceOption> ringer = new SimpleObjectProperty<>(this, "ringer");
    private final ObjectProperty<SrtpPolicy> callEncryption = new SimpleObjectProperty<>(this, "callEncryption");

    /** Preferences without a sound section (no sound devices in this run). */
    public PreferencesViewModel(SettingsModel settings) {
        this(settings, Optional.empty());
    }

    /** @param devices the sound devices to choose from, as connected when the dialog opens */
    public PreferencesViewModel(SettingsModel settings, Optional<AudioDevices> devices) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.devices = Objects.requireNonNull(devices, "devices");
        AppSettings now = settings.get();
        callEncryption.set(now.callEncryption());
        devices.ifPresent(sound -> {
            fill(microphones, sound.microphones());
            fill(speakers, sound.speakers());
            AudioDevicePreferences chosen = now.audio();
            microphone.set(pick(microphones, chosen.microphone()));
            speaker.set(pick(speakers, chosen.speaker()));
            ringer.set(pick(speakers, chosen.ringer()));
        });
        theme.set(now.theme());
        autoAway.set(now.autoAwayMinutes() > 0);
        autoAwayMinutes.set(now.autoAwayMinutes() > 0 ? now.autoAwayMinutes() : AppSettings.DEFAULT_AUTO_AWAY_MINUTES);
        showOffline.set(now.showOfflineContacts());
        sortOrder.set(now.sortOrder());
        now.trustedCertificates().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(e -> trusted.add(new TrustedCertificate(e.getKey(), e.getValue())));
        autoAwaySummary = Bindings.createStringBinding(() -> autoAway.get()
                ? "Your presence turns Away after " + autoAwayMinutes.get() + " min without keyboard or mouse"
                        + " input, and comes back when you return."
                : "Your presence stays as you set it however long you are away.", autoAway, autoAwayMinutes);
    }

    private static void fill(List<DeviceOption> into, List<AudioDevice> connected) {
        into.add(DeviceOption.SYSTEM_DEFAULT);
        connected.forEach(d -> into.add(DeviceOption.connected(d.name())));
    }

    /** The option for the chosen device; one marked "not connected" is added when it is unplugged. */
    private static DeviceOption pick(List<DeviceOption> options, String chosen) {
        return options.stream().filter(o -> o.name().equals(chosen)).findFirst().orElseGet(() -> {
            DeviceOption absent = DeviceOption.notConnected(chosen);
            options.add(absent);
            return absent;
        });
    }

    /** Whether there is a sound section to show. */
    public boolean hasSoundDevices() {
        return devices.isPresent();
    }

    /** System default, the connected microphones, and a chosen one that is unplugged. */
    public ObservableList<DeviceOption> microphones() {
        return microphones;
    }

    /** As {@link #microphones()}, for the speaker and the ringer. */
    public ObservableList<DeviceOption> speakers() {
        return speakers;
    }

    public ObjectProperty<DeviceOption> microphoneProperty() {
        return microphone;
    }

    public ObjectProperty<DeviceOption> speakerProperty() {
        return speaker;
    }

    public ObjectProperty<DeviceOption> ringerProperty() {
        return ringer;
    }

    /** When calls encrypt their audio (SRTP with SDES keys, only ever over a TLS connection). */
    public ObjectProperty<SrtpPolicy> callEncryptionProperty() {
        return callEncryption;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public BooleanProperty autoAwayProperty() {
        return autoAway;
    }

    /** Minutes of no input before Away; kept between {@value #MIN_AUTO_AWAY_MINUTES} and {@value #MAX_AUTO_AWAY_MINUTES}. */
    public IntegerProperty autoAwayMinutesProperty() {
        return autoAwayMinutes;
    }

    public StringBinding autoAwaySummary() {
        return autoAwaySummary;
    }

    public BooleanProperty showOfflineProperty() {
        return showOffline;
    }

    public ObjectProperty<SortOrder> sortOrderProperty() {
        return sortOrder;
    }

    /** Certificates accepted by hand, by server; removing one means the next sign-in asks again. */
    public ObservableList<TrustedCertificate> trustedCertificates() {
        return trusted;
    }

    public void forget(TrustedCertificate certificate) {
        trusted.remove(certificate);
    }

    /** OK: writes the edited values back (saved to disk by the settings model). */
    public void apply() {
        int minutes = Math.max(MIN_AUTO_AWAY_MINUTES, Math.min(MAX_AUTO_AWAY_MINUTES, autoAwayMinutes.get()));
        Map<String, String> keep = new HashMap<>();
        trusted.forEach(t -> keep.put(t.server(), t.fingerprint()));
        settings.update(s -> {
            AppSettings edited = s.withTheme(theme.get())
                    .withAutoAwayMinutes(autoAway.get() ? minutes : 0)
                    .withShowOfflineContacts(showOffline.get())
                    .withSortOrder(sortOrder.get() == null ? s.sortOrder() : sortOrder.get());
            edited = edited.withTrustedCertificates(keep)
                    .withCallEncryption(callEncryption.get() == null ? s.callEncryption() : callEncryption.get());
            return devices.isEmpty() ? edited : edited.withAudio(new AudioDevicePreferences(
                    name(microphone), name(speaker), name(ringer)));
        });
        // calls in progress move to the new devices now rather than at the next device check
        devices.ifPresent(AudioDevices::refreshNow);
    }

    private static String name(ObjectProperty<DeviceOption> choice) {
        return choice.get() == null ? "" : choice.get().name();
    }
}
