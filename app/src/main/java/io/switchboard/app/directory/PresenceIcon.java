package io.switchboard.app.directory;

import io.switchboard.core.model.PresenceColour;

import java.util.Locale;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.Node;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** The buddy list's coloured presence dot, following a person's live presence. */
final class PresenceIcon {

    private final FontIcon dot = new FontIcon(Material2AL.LENS);
    private ObservableValue<PresenceColour> watched;
    // held strongly while shown; removed when the dot shows someone else
    private final ChangeListener<PresenceColour> listener = (obs, old, colour) -> show(colour);

    PresenceIcon() {
        dot.getStyleClass().add("presence-dot");
    }

    Node node() {
        return dot;
    }

    void follow(ObservableValue<PresenceColour> presence) {
        if (watched != null) {
            watched.removeListener(listener);
        }
        watched = presence;
        if (presence != null) {
            presence.addListener(listener);
            show(presence.getValue());
        }
    }

    private void show(PresenceColour colour) {
        for (PresenceColour c : PresenceColour.values()) {
            dot.pseudoClassStateChanged(PseudoClass.getPseudoClass(c.name().toLowerCase(Locale.ROOT)), c == colour);
        }
    }
}
