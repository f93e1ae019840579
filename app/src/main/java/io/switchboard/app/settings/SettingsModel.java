package io.switchboard.app.settings;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The settings of this run as an observable value for the view models, used on the UI thread.
 * Every change is handed to {@code persist} (production: a single writer thread that calls
 * {@link SettingsStore#save}), so view models never do file I/O themselves.
 */
public final class SettingsModel {

    private final ReadOnlyObjectWrapper<AppSettings> current;
    private final Consumer<AppSettings> persist;

    public SettingsModel(AppSettings initial, Consumer<AppSettings> persist) {
        this.current = new ReadOnlyObjectWrapper<>(Objects.requireNonNull(initial, "initial"));
        this.persist = Objects.requireNonNull(persist, "persist");
    }

    public AppSettings get() {
        return current.get();
    }

    public ReadOnlyObjectProperty<AppSettings> property() {
        return current.getReadOnlyProperty();
    }

    public void update(UnaryOperator<AppSettings> change) {
        AppSettings next = Objects.requireNonNull(change.apply(current.get()), "changed settings");
        if (!next.equals(current.get())) {
            current.set(next);
            persist.accept(next);
        }
    }
}
