package io.switchboard.app.about;

import atlantafx.base.theme.Styles;

import java.util.Objects;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** "About Switchboard": a dialog over {@code owner} showing an {@link AboutViewModel}. Thin. */
public final class AboutView {

    private final Dialog<ButtonType> dialog = new Dialog<>();

    public AboutView(AboutViewModel viewModel, Window owner) {
        Objects.requireNonNull(viewModel, "viewModel");
        Label product = new Label(viewModel.product());
        product.setId("about-product");
        product.getStyleClass().add(Styles.TITLE_3);
        Label description = new Label(viewModel.description());
        description.setWrapText(true);
        description.getStyleClass().add(Styles.TEXT_MUTED);
        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(6);
        int row = 0;
        for (AboutViewModel.Line line : viewModel.lines()) {
            Label value = new Label(line.value());
            value.setId(line.id());
            value.setAccessibleText(line.label() + ": " + line.value());
            Label label = new Label(line.label() + ":");
            label.setLabelFor(value);
            facts.addRow(row++, label, value);
        }
        VBox content = new VBox(12, new FontIcon(Material2AL.FORUM), product, description, facts);
        content.setPadding(new Insets(8, 8, 0, 8));
        content.setPrefWidth(420);
        content.setId("about");
        dialog.setTitle("About Switchboard");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        if (owner != null) {
            dialog.initOwner(owner);
        }
    }

    public void showAndWait() {
        dialog.showAndWait();
    }
}
