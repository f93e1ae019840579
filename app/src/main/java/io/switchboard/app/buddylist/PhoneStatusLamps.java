package io.switchboard.app.buddylist;

import io.switchboard.app.ui.UiDispatcher;
import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.LineState;
import io.switchboard.core.service.LineStateService;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buddy list's phone-status lamps (busy lamp field): which contacts the user chose to see the
 * phone of ("Show phone status"), remembered through {@link PhoneStatusChoices}; each chosen one
 * is watched through the session's {@link LineStateService} and its lamp follows the line state.
 * Sessions without line state (XMPP) offer no lamps. UI-thread confined, except the service's
 * events, which are handed to the UI thread.
 */
public final class PhoneStatusLamps {

    private static final Logger LOG = LoggerFactory.getLogger(PhoneStatusLamps.class);

    private final Optional<LineStateService> service;
    private final PhoneStatusChoices choices;
    private final UiDispatcher ui;
    private final Set<Address> chosen;
    private final Map<Address, ReadOnlyObjectWrapper<PhoneLamp>> lamps = new HashMap<>();
    private final Map<Address, LineState> states = new HashMap<>();
    private final ListenerRegistration registration;

    PhoneStatusLamps(Optional<LineStateService> service, PhoneStatusChoices choices, UiDispatcher ui) {
        this.service = Objects.requireNonNull(service, "service");
        this.choices = Objects.requireNonNull(choices, "choices");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.chosen = service.isPresent() ? choices.load() : new LinkedHashSet<>();
        this.registration = service.map(s -> s.addListener((line, state) -> ui.run(() -> show(line, state))))
                .orElse(() -> { });
        chosen.forEach(this::watch);
    }

    /** Whether this session can show phone status at all (the context menu offers it then). */
    public boolean isAvailable() {
        return service.isPresent();
    }

    public boolean isShown(Address contact) {
        return chosen.contains(contact);
    }

    /** The context menu's "Show phone status": starts or stops watching the contact's phone, and remembers it. */
    public void setShown(Address contact, boolean shown) {
        if (!isAvailable() || shown == chosen.contains(contact)) {
            return;
        }
        if (shown) {
            chosen.add(contact);
            watch(contact);
        } else {
            chosen.remove(contact);
            states.remove(contact);
            service.get().unwatch(contact);
        }
        choices.save(new LinkedHashSet<>(chosen));
        refresh(contact);
    }

    /** The lamp of {@code contact}: {@link PhoneLamp#NONE} unless chosen. */
    public ReadOnlyObjectProperty<PhoneLamp> lampProperty(Address contact) {
        return lamp(contact).getReadOnlyProperty();
    }

    void dispose() {
        registration.close();
    }

    private void watch(Address contact) {
        service.ifPresent(s -> s.watch(contact).whenComplete((ok, failure) -> {
            if (failure != null) {
                // the lamp stays "not known"; the user can see in the tooltip that nothing comes
                LOG.info("Cannot watch the phone of {}: {}", contact, failure.getMessage());
            }
        }));
    }

    private void show(Address line, LineState state) {
        if (!chosen.contains(line)) {
            return;
        }
        states.put(line, state);
        refresh(line);
    }

    private void refresh(Address contact) {
        lamp(contact).set(PhoneLamp.of(chosen.contains(contact), states.getOrDefault(contact, LineState.UNKNOWN)));
    }

    private ReadOnlyObjectWrapper<PhoneLamp> lamp(Address contact) {
        return lamps.computeIfAbsent(contact, c -> new ReadOnlyObjectWrapper<>(this, "lamp",
                PhoneLamp.of(chosen.contains(c), states.getOrDefault(c, LineState.UNKNOWN))));
    }
}
