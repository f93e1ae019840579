package io.switchboard.app.main;

import io.switchboard.core.model.Availability;

import java.util.Locale;

import javafx.scene.shape.Circle;

/** The traffic-light dot next to an availability; its colour comes from the theme through app.css. */
final class PresenceDot {

    private PresenceDot() {
    }

    static Circle of(Availability availability) {
        Circle dot = new Circle(5);
        dot.getStyleClass().addAll("presence-dot", "presence-" + availability.colour().name().toLowerCase(Locale.ROOT));
        return dot;
    }
}
