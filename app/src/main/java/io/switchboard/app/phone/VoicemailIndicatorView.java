package io.switchboard.app.phone;

import java.util.Objects;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** The voicemail lamp beside the dial box: an icon, lit with a count badge while messages wait. */
public final class VoicemailIndicatorView {

    private final HBox root;

    public VoicemailIndicatorView(VoicemailViewModel vm) {
        Objects.requireNonNull(vm, "vm");
        FontIcon icon = new FontIcon(Material2MZ.VOICEMAIL);
        icon.getStyleClass().add("voicemail-icon");
        vm.waitingProperty().addListener((obs, was, lit) -> icon.pseudoClassStateChanged(LIT, lit));
        icon.pseudoClassStateChanged(LIT, vm.waitingProperty().get());
        Label badge = new Label();
        badge.setId("voicemail-badge");
        badge.getStyleClass().add("missed-badge");
        badge.textProperty().bind(vm.newMessagesProperty().asString());
        badge.visibleProperty().bind(vm.newMessagesProperty().greaterThan(0));
        badge.managedProperty().bind(badge.visibleProperty());
        root = new HBox(4, icon, badge);
        root.setId("voicemail-indicator");
        root.setAlignment(Pos.CENTER);
        root.setAccessibleText("Voicemail");
        root.accessibleTextProperty().bind(vm.summaryProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(vm.summaryProperty());
        Tooltip.install(root, tip);
        root.visibleProperty().bind(vm.availableProperty());
        root.managedProperty().bind(root.visibleProperty());
    }

    private static final javafx.css.PseudoClass LIT = javafx.css.PseudoClass.getPseudoClass("lit");

    public HBox root() {
        return root;
    }
}
