package io.switchboard.app.notify;

import io.switchboard.app.ui.Notifier;

import java.awt.AWTException;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.EventQueue;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifications through the desktop's system tray ({@link TrayIcon#displayMessage}). The tray
 * icon is added with the first notification and drawn at the tray's own size, so it stays
 * sharp on HiDPI screens. If the tray refuses the icon, the fallback notifier takes over.
 */
public final class TrayNotifier implements Notifier, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrayNotifier.class);

    private final String applicationName;
    private final Notifier fallback;
    private TrayIcon icon;
    private boolean broken;

    public TrayNotifier(String applicationName, Notifier fallback) {
        this.applicationName = Objects.requireNonNull(applicationName, "applicationName");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    @Override
    public void notify(String title, String text) {
        if (broken) {
            fallback.notify(title, text);
            return;
        }
        // AWT wants its own thread; the caller is the JavaFX thread
        EventQueue.invokeLater(() -> display(title, text));
    }

    private void display(String title, String text) {
        try {
            if (icon == null) {
                SystemTray tray = SystemTray.getSystemTray();
                TrayIcon created = new TrayIcon(drawIcon(tray.getTrayIconSize()), applicationName);
                created.setImageAutoSize(true);
                tray.add(created);
                icon = created;
            }
            icon.displayMessage(title, text, TrayIcon.MessageType.INFO);
        } catch (AWTException | RuntimeException e) {
            LOG.warn("The system tray refused the notification icon ({}); using popups instead", e.toString());
            broken = true;
            javafx.application.Platform.runLater(() -> fallback.notify(title, text));
        }
    }

    /** A chat bubble in the accent blue, drawn at the size the tray asks for. */
    private static BufferedImage drawIcon(Dimension size) {
        int w = Math.max(16, size.width);
        int h = Math.max(16, size.height);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(0x09, 0x69, 0xDA));
            g.fillRoundRect(w / 10, h / 8, w * 8 / 10, h * 6 / 10, w / 3, h / 3);
            g.fillPolygon(new int[] {w / 4, w / 2, w / 4}, new int[] {h * 6 / 10, h * 6 / 10, h * 9 / 10}, 3);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(Math.max(1f, w / 12f)));
            g.drawLine(w / 4, h * 3 / 10, w * 3 / 4, h * 3 / 10);
            g.drawLine(w / 4, h * 5 / 10, w * 6 / 10, h * 5 / 10);
        } finally {
            g.dispose();
        }
        return image;
    }

    @Override
    public void close() {
        EventQueue.invokeLater(() -> {
            if (icon != null) {
                SystemTray.getSystemTray().remove(icon);
                icon = null;
            }
        });
    }
}
