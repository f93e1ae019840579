package io.switchboard.app.chat;

import java.util.Objects;

import javafx.application.HostServices;

/** {@link LinkOpener} through the JavaFX application's {@link HostServices} (works where AWT's Desktop does not). */
public final class HostServicesLinkOpener implements LinkOpener {

    private final HostServices hostServices;

    public HostServicesLinkOpener(HostServices hostServices) {
        this.hostServices = Objects.requireNonNull(hostServices, "hostServices");
    }

    @Override
    public void open(String url) {
        hostServices.showDocument(url);
    }
}
