package io.switchboard.app.main;

import io.switchboard.app.preferences.PreferencesViewModel;
import io.switchboard.app.presence.OwnPresence;
import io.switchboard.app.presence.PresenceChoice;
import io.switchboard.app.settings.SettingsModel;
import io.switchboard.app.settings.Theme;
import io.switchboard.app.ui.Background;
import io.switchboard.app.ui.Scheduler;
import io.switchboard.app.ui.UiDispatcher;
import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.model.Availability;
import io.switchboard.core.model.Presence;
import io.switchboard.core.service.ClientSession;
import io.switchboard.core.service.ServiceException;
import io.switchboard.core.service.SessionListener;
import io.switchboard.core.service.SessionState;
import io.switchboard.media.device.AudioDevices;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window around the buddy list: who I am, my own presence (picker and note), the
 * connection banner, sign out, theme. Session events arrive on the session's event thread and
 * are moved to the UI thread through the {@link UiDispatcher}; publishing presence and signing
 * out run on {@link Background}. Everything else is used on the UI thread.
 */
public final class MainWindowViewModel {

    /** What the presence picker offers. */
    public static final List<Availability> CHOICES =
            List.of(Availability.AVAILABLE, Availability.AWAY, Availability.BUSY, Availability.DO_NOT_DISTURB);

    private static final Logger LOG = LoggerFactory.getLogger(MainWindowViewModel.class);

    private final ClientSession session;
    private final UiDispatcher ui;
    private final Background background;
    private final SettingsModel settings;
    private final Runnable onSignedOut;
    private final Runnable beforeSignOut;
    private final Supplier<Optional<AudioDevices>> soundDevices;
    private final Scheduler scheduler;
    private final ListenerRegistration sessionListener;

    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    /** What I chose (kept while disconnected, so it comes back after a reconnect). */
    private final ReadOnlyObjectWrapper<Availability> chosen = new ReadOnlyObjectWrapper<>(this, "chosen");
    private final ObjectBinding<Availability> shown;
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final ReadOnlyObjectWrapper<BannerKind> bannerKind = new ReadOnlyObjectWrapper<>(this, "bannerKind", BannerKind.NONE);
    private final ReadOnlyStringWrapper bannerText = new ReadOnlyStringWrapper(this, "bannerText", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ObjectBinding<Theme> theme;
    /** The note as last published; the note field differs from it while the user is typing. */
    private String publishedNote;
    /** Snapshot for auto-away, which reads it from its scheduler thread. */
    private volatile PresenceChoice published;
    private boolean signingOut;
    /** Seconds until the next reconnect attempt, counted down once a second in the banner. */
    private long reconnectInSeconds;
    private Scheduler.Cancellable countdown = () -> { };

    public MainWindowViewModel(ClientSession session, UiDispatcher ui, Background background, Scheduler scheduler,
                               SettingsModel settings, Runnable onSignedOut) {
        this(session, ui, background, scheduler, settings, () -> { }, onSignedOut);
    }

    /**
     * @param beforeSignOut run on the worker that signs out, before the session closes: what
     *                      needs the session still up (the softphone hangs up its calls)
     */
    public MainWindowViewModel(ClientSession session, UiDispatcher ui, Background background, Scheduler scheduler,
                               SettingsModel settings, Runnable beforeSignOut, Runnable onSignedOut) {
        this(session, ui, background, scheduler, settings, Optional::empty, beforeSignOut, onSignedOut);
    }

    /** @param soundDevices the sound devices the preferences offer (none in an XMPP-only test) */
    public MainWindowViewModel(ClientSession session, UiDispatcher ui, Background background, Scheduler scheduler,
                               SettingsModel settings, Supplier<Optional<AudioDevices>> soundDevices,
                               Runnable beforeSignOut, Runnable onSignedOut) {
        this.soundDevices = Objects.requireNonNull(soundDevices, "soundDevices");
        this.beforeSignOut = Objects.requireNonNull(beforeSignOut, "beforeSignOut");
        this.session = Objects.requireNonNull(session, "session");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.background = Objects.requireNonNull(background, "background");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.onSignedOut = Objects.requireNonNull(onSignedOut, "onSignedOut");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");

        Presence own = session.presence().ownPresence();
        Availability initial = CHOICES.contains(own.availability()) ? own.availability() : Availability.AVAILABLE;
        chosen.set(initial);
        note.set(own.note());
        publishedNote = own.note();
        shown = Bindings.createObjectBinding(() -> connected.get() ? chosen.get() : Availability.OFFLINE,
                connected, chosen);
        theme = Bindings.createObjectBinding(() -> settings.get().theme(), settings.property());

        sessionListener = session.addListener(new SessionListener() {
            @Override
            public void stateChanged(SessionState state, Optional<ServiceException> cause) {
                ui.run(() -> onStateChanged(state, cause));
            }

            @Override
            public void reconnectScheduled(int attempt, Duration delay) {
                ui.run(() -> onReconnectScheduled(delay));
            }
        });
        onStateChanged(session.state(), Optional.empty());
    }

    /** My address, for the header. */
    public String selfAddress() {
        return session.self().toJid();
    }

    /** My name for the header: the user part of my address. */
    public String selfName() {
        return session.self().local();
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** What the picker shows: my chosen availability, or {@link Availability#OFFLINE} while disconnected. */
    public ObjectBinding<Availability> shownAvailability() {
        return shown;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ReadOnlyObjectProperty<BannerKind> bannerKindProperty() {
        return bannerKind.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bannerTextProperty() {
        return bannerText.getReadOnlyProperty();
    }

    /** Something to tell the user that needs no action (a failed presence change, a vault problem). */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public void showNotice(String text) {
        notice.set(text == null ? "" : text);
    }

    public ObjectBinding<Theme> theme() {
        return theme;
    }

    /** The user picked an availability in the picker. */
    public void choose(Availability availability) {
        if (!CHOICES.contains(availability)) {
            throw new IllegalArgumentException(availability + " cannot be chosen here");
        }
        if (availability != chosen.get()) {
            publish(new PresenceChoice(availability, note.get()));
        }
    }

    /** The user finished editing the note (Enter or leaving the field). */
    public void commitNote() {
        if (!note.get().equals(publishedNote)) {
            publish(new PresenceChoice(chosen.get(), note.get()));
        }
    }

    /** A fresh form for the preferences dialog, over the same settings. */
    public PreferencesViewModel preferences() {
        return new PreferencesViewModel(settings, soundDevices.get());
    }

    public void toggleTheme() {
        settings.update(s -> s.withTheme(s.theme().other()));
    }

    /** Signs out on a worker, then hands back to the sign-in window. */
    public void signOut() {
        if (signingOut) {
            return;
        }
        signingOut = true;
        stopCountdown();
        sessionListener.close();
        published = null;
        background.submit("sign out " + session.self(), () -> {
            try {
                beforeSignOut.run();
            } catch (RuntimeException e) {
                LOG.warn("Before signing out of {}: {}", session.self(), e.toString());
            }
            session.close();
            return null;
        }, done -> onSignedOut.run(), failure -> {
            LOG.warn("Signing out of {} failed: {}", session.self(), failure.getMessage());
            onSignedOut.run();
        });
    }

    /** Auto-away reads and sets my presence through this, from its scheduler thread. */
    public OwnPresence ownPresence() {
        return new OwnPresence() {
            @Override
            public Optional<PresenceChoice> current() {
                return Optional.ofNullable(published);
            }

            @Override
            public void set(PresenceChoice choice) {
                ui.run(() -> {
                    if (connected.get()) {
                        note.set(choice.note());
                        publish(choice);
                    }
                });
            }
        };
    }

    private void publish(PresenceChoice choice) {
        Availability before = chosen.get();
        String noteBefore = publishedNote;
        chosen.set(choice.availability());
        publishedNote = choice.note();
        updateSnapshot();
        background.submit("publish presence " + choice.availability(), () -> {
            session.presence().setOwnPresence(choice.availability(), choice.note());
            return null;
        }, done -> LOG.debug("Presence {} published", choice.availability()), failure -> {
            LOG.warn("Publishing presence {} failed: {}", choice.availability(), failure.getMessage());
            chosen.set(before);
            publishedNote = noteBefore;
            note.set(noteBefore);
            updateSnapshot();
            notice.set("Your presence could not be changed: " + failure.getMessage());
        });
    }

    private void onStateChanged(SessionState state, Optional<ServiceException> cause) {
        if (signingOut) {
            return;
        }
        connected.set(state == SessionState.CONNECTED);
        stopCountdown();
        switch (state) {
            case CONNECTED -> {
                bannerKind.set(BannerKind.NONE);
                bannerText.set("");
            }
            case RECONNECTING, CONNECTING -> {
                bannerKind.set(BannerKind.RECONNECTING);
                bannerText.set("Connection lost — reconnecting…");
            }
            case FAILED -> {
                bannerKind.set(BannerKind.FAILED);
                bannerText.set("Signed out: " + cause.map(Throwable::getMessage).orElse("the connection failed."));
            }
            case SIGNED_OUT -> {
                bannerKind.set(BannerKind.FAILED);
                bannerText.set("Signed out.");
            }
        }
        updateSnapshot();
    }

    private void onReconnectScheduled(Duration delay) {
        if (signingOut || connected.get()) {
            return;
        }
        stopCountdown();
        reconnectInSeconds = Math.max(1, (delay.toMillis() + 999) / 1000);   // "in 0 s" would read like a bug
        bannerKind.set(BannerKind.RECONNECTING);
        showCountdown();
    }

    private void showCountdown() {
        if (reconnectInSeconds > 0) {
            bannerText.set("Connection lost — reconnecting in " + reconnectInSeconds + " s…");
            countdown = scheduler.schedule(Duration.ofSeconds(1), () -> {
                reconnectInSeconds--;
                showCountdown();
            });
        } else {
            // the attempt is due now; its outcome arrives as a state change or the next schedule
            bannerText.set("Connection lost — reconnecting now…");
        }
    }

    private void stopCountdown() {
        countdown.cancel();
        countdown = () -> { };
    }

    private void updateSnapshot() {
        published = connected.get() ? new PresenceChoice(chosen.get(), publishedNote) : null;
    }
}
