package io.switchboard.app.phone;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The call window's transfer controls: a Transfer toggle that opens a field for the target (typed
 * as in the dial box) with "Transfer now" (blind) and "Consult first" (attended); and, in a
 * consultation call's window, "Complete transfer".
 */
final class TransferPane {

    private TransferPane() {
    }

    static ToggleButton toggle(CallViewModel vm) {
        ToggleButton transfer = new ToggleButton("Transfer", new FontIcon(Material2AL.CALL_MADE));
        transfer.setId("call-transfer");
        transfer.setAccessibleText("Transfer the call");
        transfer.disableProperty().bind(vm.inProgressProperty().not());
        return transfer;
    }

    static VBox of(CallViewModel vm, ToggleButton toggle) {
        TextField target = new TextField();
        target.setId("call-transfer-target");
        target.setPromptText("Transfer to a name, address or number");
        target.setAccessibleText("Transfer to");
        target.textProperty().bindBidirectional(vm.transferTargetProperty());
        target.setOnAction(e -> vm.transferNow());
        Button now = new Button("Transfer now");
        now.setId("call-transfer-now");
        now.setDefaultButton(false);
        now.setOnAction(e -> vm.transferNow());
        Button consult = new Button("Consult first");
        consult.setId("call-consult");
        consult.setOnAction(e -> vm.consultFirst());
        for (Button b : new Button[] {now, consult}) {
            b.disableProperty().bind(vm.transferTargetProperty().isEmpty());
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
        }
        VBox form = new VBox(6, target, new HBox(6, now, consult));
        form.visibleProperty().bind(toggle.selectedProperty().and(vm.inProgressProperty()));
        form.managedProperty().bind(form.visibleProperty());

        Button complete = new Button();
        complete.setId("call-complete-transfer");
        complete.getStyleClass().add(Styles.SUCCESS);
        complete.textProperty().bind(vm.consultationForProperty().map(party -> "Complete transfer of " + party));
        complete.setOnAction(e -> vm.completeTransfer());
        complete.setMaxWidth(Double.MAX_VALUE);
        complete.visibleProperty().bind(vm.consultationForProperty().isNotEmpty().and(vm.inProgressProperty()));
        complete.managedProperty().bind(complete.visibleProperty());

        VBox pane = new VBox(6, form, complete);
        pane.setAlignment(Pos.CENTER);
        return pane;
    }
}
