package io.switchboard.app.chat;

import java.awt.Desktop;
import java.net.URI;

/** {@link LinkOpener} through {@link java.awt.Desktop#browse}, where the desktop offers it. */
public final class DesktopLinkOpener implements LinkOpener {

    @Override
    public void open(String url) throws Exception {
        if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
            throw new UnsupportedOperationException("this desktop offers no way to open links");
        }
        Desktop.getDesktop().browse(new URI(url));
    }
}
