package io.switchboard.app.phone;

import io.switchboard.app.settings.CallMode;
import io.switchboard.app.settings.PhoneSettings;
import io.switchboard.app.settings.SettingsModel;
import io.switchboard.app.ui.Background;

import java.util.Objects;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Use my desk phone": which phone the calls use, chosen at sign-in and switched at any time from
 * the main window without signing out. The choice the user makes here is applied by a
 * {@link PhoneSwitch} on a worker and, once it worked, remembered in the settings; a refusal (no
 * line assigned, gateway refused, phone not registered) is shown and logged, and the phone in use
 * stays. Used on the UI thread only.
 */
public final class PhoneModeViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(PhoneModeViewModel.class);

    private final Background background;
    private final SettingsModel settings;
    private final ObjectProperty<CallMode> mode = new SimpleObjectProperty<>(this, "mode");
    private final StringProperty deskLine = new SimpleStringProperty(this, "deskLine");
    private final ReadOnlyStringWrapper inUse = new ReadOnlyStringWrapper(this, "inUse", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper switching = new ReadOnlyBooleanWrapper(this, "switching");
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
    private final boolean modeLocked;
    private final boolean lineLocked;
    private PhoneSwitch phones;
    private PhoneSettings applied = PhoneSettings.SOFTPHONE;

    public PhoneModeViewModel(Background background, SettingsModel settings) {
        this(background, settings, false, false);
    }

    /**
     * @param modeLocked the administrator set softphone or desk phone (ADR 0031): the mode signed in
     *                   with stays
     * @param lineLocked the administrator set the desk line: the line signed in with stays
     */
    public PhoneModeViewModel(Background background, SettingsModel settings, boolean modeLocked, boolean lineLocked) {
        this.background = Objects.requireNonNull(background, "background");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.modeLocked = modeLocked;
        this.lineLocked = lineLocked;
        PhoneSettings saved = settings.get().phone();
        mode.set(saved.mode());
        deskLine.set(saved.deskLine());
        inUse.set(describe(PhoneSettings.SOFTPHONE));
        if (modeLocked) {
            keep(mode, saved.mode());
        }
        if (lineLocked) {
            keep(deskLine, saved.deskLine());
        }
    }

    /** The sign-in form applied the administrator's value; nothing changes it afterwards. */
    private static <T> void keep(javafx.beans.property.Property<T> field, T value) {
        field.addListener((obs, was, now) -> {
            if (!Objects.equals(now, value)) {
                field.setValue(value);
            }
        });
    }

    /** Whether the administrator set softphone or desk phone: the choice is shown but cannot be changed. */
    public boolean isModeLocked() {
        return modeLocked;
    }

    /** Whether the administrator set the desk line. */
    public boolean isLineLocked() {
        return lineLocked;
    }

    /**
     * Calls can be switched from now on (the softphone has started); the phone chosen at sign-in
     * is put to use at once. Once only.
     */
    public void attach(PhoneSwitch phoneSwitch) {
        if (phones != null) {
            throw new IllegalStateException("the phone switch is already attached");
        }
        phones = Objects.requireNonNull(phoneSwitch, "phoneSwitch");
        available.set(true);
        if (mode.get() == CallMode.DESK_PHONE) {
            apply();
        }
    }

    /** Softphone or desk phone, as chosen in the window; {@link #apply} puts it to use. */
    public ObjectProperty<CallMode> modeProperty() {
        return mode;
    }

    /** The desk line as typed, e.g. "1001". */
    public StringProperty deskLineProperty() {
        return deskLine;
    }

    /** The phone the calls use now: "Softphone" or "Desk phone 1001". */
    public ReadOnlyStringProperty inUseProperty() {
        return inUse.getReadOnlyProperty();
    }

    /** Why the last switch did not happen; "" when it did. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty switchingProperty() {
        return switching.getReadOnlyProperty();
    }

    /** False until the softphone has started: before, there is nothing to switch. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** Puts the chosen phone to use; the outcome shows in {@link #inUseProperty} or {@link #errorProperty}. */
    public void apply() {
        PhoneSettings choice = new PhoneSettings(mode.get(), deskLine.get());
        if (phones == null) {
            error.set("Calls are not available yet.");
            return;
        }
        if (choice.mode() == CallMode.DESK_PHONE) {
            var problem = PhoneSettings.lineProblem(choice.deskLine());
            if (problem.isPresent()) {
                error.set(problem.get());
                return;
            }
        }
        if (sameAsInUse(choice)) {
            // nothing to switch; also how the choice shown snaps back after a refusal, whose words stay
            return;
        }
        PhoneSwitch target = phones;
        switching.set(true);
        error.set("");
        background.submit("use " + describe(choice), () -> {
            target.use(choice);
            return choice;
        }, done -> {
            switching.set(false);
            applied = done;
            inUse.set(describe(done));
            settings.update(s -> s.withPhone(done));
            LOG.info("Calls use the {}", describe(done));
        }, failure -> {
            switching.set(false);
            LOG.warn("Could not switch calls to the {}: {}", describe(choice), failure.getMessage());
            error.set((choice.mode() == CallMode.DESK_PHONE ? "Desk phone mode is unavailable: "
                    : "Cannot go back to the softphone: ") + failure.getMessage());
            // the choice shows the phone still in use; the typed line stays for another try
            mode.set(applied.mode());
        });
    }

    public void dismissError() {
        error.set("");
    }

    private boolean sameAsInUse(PhoneSettings choice) {
        return choice.mode() == applied.mode()
                && (choice.mode() == CallMode.SOFTPHONE || choice.deskLine().equals(applied.deskLine()));
    }

    static String describe(PhoneSettings phone) {
        return phone.mode() == CallMode.DESK_PHONE ? "Desk phone " + phone.deskLine() : "Softphone";
    }
}
