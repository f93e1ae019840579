package io.switchboard.app.ui;

import java.util.Objects;

import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A control's tooltip, made when the pointer first reaches the control. Each {@link Tooltip} is a
 * popup window of its own: the main window's eight cost 10-30 ms of the UI thread at every
 * sign-in, for hints most sessions never show. Tooltips are for the pointer only (the controls
 * carry accessible texts of their own), so nothing else misses them until then.
 */
public final class LazyTooltip {

    private LazyTooltip() {
    }

    public static void install(Control control, String text) {
        Objects.requireNonNull(text, "text");
        EventHandler<MouseEvent> firstVisit = new EventHandler<>() {
            @Override
            public void handle(MouseEvent event) {
                control.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                control.setTooltip(new Tooltip(text));
            }
        };
        control.addEventHandler(MouseEvent.MOUSE_ENTERED, firstVisit);
    }
}
