package io.switchboard.app.phone;

import io.switchboard.core.model.CallStatistics;

import java.util.Locale;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Label;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** The call window's quality indicator: a signal icon coloured by the quality band, and the figures. */
final class CallQualityLabel {

    private CallQualityLabel() {
    }

    static Label of(CallViewModel vm) {
        FontIcon signal = new FontIcon(Material2MZ.SIGNAL_CELLULAR_ALT);
        Label quality = new Label("", signal);
        quality.setId("call-quality");
        quality.getStyleClass().addAll("call-quality", Styles.TEXT_SMALL);
        quality.textProperty().bind(vm.qualityTextProperty());
        quality.setAccessibleText("Call quality");
        quality.visibleProperty().bind(vm.qualityTextProperty().isNotEmpty());
        quality.managedProperty().bind(quality.visibleProperty());
        vm.qualityLevelProperty().addListener((obs, was, now) -> {
            quality.getStyleClass().removeIf(c -> c.startsWith("quality-"));
            if (now != null) {
                quality.getStyleClass().add(styleOf(now));
            }
        });
        return quality;
    }

    private static String styleOf(CallStatistics.Level level) {
        return "quality-" + level.name().toLowerCase(Locale.ROOT);
    }
}
