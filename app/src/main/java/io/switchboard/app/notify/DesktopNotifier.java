package io.switchboard.app.notify;

import io.switchboard.app.ui.Notifier;

import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;
import java.awt.Taskbar;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's {@link Notifier}: the system tray's balloon where the desktop has a tray,
 * else a toast popup; and in both cases asks the task bar / dock to draw the user's attention
 * where the platform supports it.
 */
public final class DesktopNotifier implements Notifier, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopNotifier.class);

    private final Notifier delegate;

    /** Chooses tray or toast for this desktop. Call on the JavaFX thread. */
    public DesktopNotifier(String applicationName) {
        this(chooseFor(applicationName));
    }

    DesktopNotifier(Notifier delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    private static Notifier chooseFor(String applicationName) {
        ToastNotifier toast = new ToastNotifier();
        if (!GraphicsEnvironment.isHeadless() && SystemTray.isSupported()) {
            LOG.info("Notifications through the system tray");
            return new TrayNotifier(applicationName, toast);
        }
        LOG.info("No system tray on this desktop: notifications as popups");
        return toast;
    }

    /** Which notifier was chosen, for diagnostics and tests. */
    Notifier delegate() {
        return delegate;
    }

    @Override
    public void notify(String title, String text) {
        delegate.notify(title, text);
        requestAttention();
    }

    private static void requestAttention() {
        try {
            if (!GraphicsEnvironment.isHeadless() && Taskbar.isTaskbarSupported()
                    && Taskbar.getTaskbar().isSupported(Taskbar.Feature.USER_ATTENTION)) {
                Taskbar.getTaskbar().requestUserAttention(true, false);
            }
        } catch (RuntimeException e) {
            // attention is a nicety; the notification itself was shown
            LOG.debug("Could not request user attention", e);
        }
    }

    @Override
    public void close() {
        if (delegate instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("Closing the notifier failed", e);
            }
        }
    }
}
