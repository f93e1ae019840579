package io.switchboard.app.preferences;

import io.switchboard.app.settings.SortOrder;
import io.switchboard.app.settings.Theme;
import io.switchboard.media.SrtpPolicy;

import java.util.Objects;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The preferences as a dialog; the logic is in {@link PreferencesViewModel}. OK applies, Cancel discards. */
public final class PreferencesDialog extends Dialog<ButtonType> {

    public PreferencesDialog(PreferencesViewModel viewModel, Window owner) {
        Objects.requireNonNull(viewModel, "viewModel");
        setTitle("Preferences");
        setHeaderText(null);
        if (owner != null) {
            initOwner(owner);
        }
        VBox content = new VBox(16, appearance(viewModel), presence(viewModel), buddyList(viewModel));
        if (viewModel.hasSoundDevices()) {
            content.getChildren().add(sound(viewModel));
        }
        content.getChildren().add(calls(viewModel));
        content.getChildren().add(certificates(viewModel));
        content.setPadding(new Insets(4, 0, 0, 0));
        content.setPrefWidth(440);
        // six sections outgrow a laptop screen: the dialog scrolls rather than running off it
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(560);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        getDialogPane().setContent(scroll);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(button -> {
            if (button != null && button.getButtonData() == ButtonBar.ButtonData.OK_DONE) {
                viewModel.apply();
            }
            return button;
        });
    }

    private static Node appearance(PreferencesViewModel viewModel) {
        ComboBox<Theme> theme = new ComboBox<>();
        theme.setId("preferences-theme");
        theme.getItems().setAll(Theme.values());
        theme.valueProperty().bindBidirectional(viewModel.themeProperty());
        theme.setAccessibleText("Theme");
        theme.setConverter(new StringConverter<>() {
            @Override
            public String toString(Theme value) {
                return value == null ? "" : value.label();
            }

            @Override
            public Theme fromString(String text) {
                throw new UnsupportedOperationException("the theme box is not editable");
            }
        });
        GridPane grid = grid();
        grid.addRow(0, label("_Theme:", theme), theme);
        return section("Appearance", grid);
    }

    private static Node presence(PreferencesViewModel viewModel) {
        CheckBox autoAway = new CheckBox("Set me to _Away when I am idle for");
        autoAway.setId("preferences-auto-away");
        autoAway.selectedProperty().bindBidirectional(viewModel.autoAwayProperty());
        Spinner<Integer> minutes = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(
                PreferencesViewModel.MIN_AUTO_AWAY_MINUTES, PreferencesViewModel.MAX_AUTO_AWAY_MINUTES,
                viewModel.autoAwayMinutesProperty().get()));
        minutes.setId("preferences-auto-away-minutes");
        minutes.setEditable(true);
        minutes.setPrefWidth(90);
        minutes.setAccessibleText("Minutes idle before Away");
        minutes.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                viewModel.autoAwayMinutesProperty().set(now);
            }
        });
        minutes.disableProperty().bind(viewModel.autoAwayProperty().not());
        HBox row = new HBox(8, autoAway, minutes, new Label("minutes"));
        row.setAlignment(Pos.CENTER_LEFT);
        Label summary = new Label();
        summary.textProperty().bind(viewModel.autoAwaySummary());
        summary.setWrapText(true);
        summary.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        return section("Presence", new VBox(6, row, summary));
    }

    private static Node buddyList(PreferencesViewModel viewModel) {
        CheckBox showOffline = new CheckBox("Show _offline contacts");
        showOffline.setId("preferences-show-offline");
        showOffline.selectedProperty().bindBidirectional(viewModel.showOfflineProperty());
        ComboBox<SortOrder> sort = new ComboBox<>();
        sort.setId("preferences-sort");
        sort.getItems().setAll(SortOrder.values());
        sort.valueProperty().bindBidirectional(viewModel.sortOrderProperty());
        sort.setAccessibleText("Sort contacts by");
        GridPane grid = grid();
        grid.add(showOffline, 0, 0, 2, 1);
        grid.addRow(1, label("_Sort contacts by:", sort), sort);
        return section("Contacts", grid);
    }

    private static Node sound(PreferencesViewModel viewModel) {
        ComboBox<DeviceOption> microphone = deviceBox("preferences-microphone", "Microphone",
                viewModel.microphones(), viewModel.microphoneProperty());
        ComboBox<DeviceOption> speaker = deviceBox("preferences-speaker", "Speaker for calls",
                viewModel.speakers(), viewModel.speakerProperty());
        ComboBox<DeviceOption> ringer = deviceBox("preferences-ringer", "Ringer", viewModel.speakers(),
                viewModel.ringerProperty());
        GridPane grid = grid();
        grid.addRow(0, label("_Microphone:", microphone), microphone);
        grid.addRow(1, label("S_peaker:", speaker), speaker);
        grid.addRow(2, label("_Ringer:", ringer), ringer);
        Label hint = new Label("A device you unplug stays chosen: calls use the system default until it is back.");
        hint.setWrapText(true);
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        return section("Sound", new VBox(6, grid, hint));
    }

    private static Node calls(PreferencesViewModel viewModel) {
        ComboBox<SrtpPolicy> encryption = new ComboBox<>();
        encryption.setId("preferences-call-encryption");
        encryption.getItems().setAll(SrtpPolicy.values());
        encryption.valueProperty().bindBidirectional(viewModel.callEncryptionProperty());
        encryption.setAccessibleText("Encrypt call audio");
        encryption.setConverter(new StringConverter<>() {
            @Override
            public String toString(SrtpPolicy policy) {
                return policy == null ? "" : switch (policy) {
                    case OFF -> "Never";
                    case OPTIONAL -> "When the other side can";
                    case REQUIRED -> "Always (refuse unencrypted calls)";
                };
            }

            @Override
            public SrtpPolicy fromString(String text) {
                throw new UnsupportedOperationException("the encryption box is not editable");
            }
        });
        GridPane grid = grid();
        grid.addRow(0, label("_Encrypt call audio:", encryption), encryption);
        Label hint = new Label("Call audio is encrypted (SRTP) only when you sign in to your SIP proxy over TLS:"
                + " the keys travel with the call's setup.");
        hint.setWrapText(true);
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        return section("Calls", new VBox(6, grid, hint));
    }

    private static ComboBox<DeviceOption> deviceBox(String id, String accessibleName,
                                                    javafx.collections.ObservableList<DeviceOption> options,
                                                    javafx.beans.property.ObjectProperty<DeviceOption> choice) {
        ComboBox<DeviceOption> box = new ComboBox<>(options);
        box.setId(id);
        box.setAccessibleText(accessibleName);
        box.setPrefWidth(260);
        box.valueProperty().bindBidirectional(choice);
        return box;
    }

    private static Node certificates(PreferencesViewModel viewModel) {
        ListView<TrustedCertificate> list = new ListView<>(viewModel.trustedCertificates());
        list.setId("preferences-certificates");
        list.setAccessibleText("Server certificates you accepted");
        list.setPrefHeight(96);
        list.setPlaceholder(new Label("No certificates accepted by hand."));
        list.setCellFactory(v -> new CertificateCell());
        Button forget = new Button("_Forget");
        forget.setId("preferences-forget-certificate");
        forget.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        forget.setOnAction(e -> {
            TrustedCertificate selected = list.getSelectionModel().getSelectedItem();
            if (selected != null) {
                viewModel.forget(selected);
            }
        });
        Label hint = new Label("A forgotten certificate is shown again for your decision at the next sign-in.");
        hint.setWrapText(true);
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        return section("Server certificates", new VBox(6, list, new HBox(8, forget), hint));
    }

    private static Node section(String title, Node body) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_4);
        return new VBox(8, heading, body);
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        return grid;
    }

    private static Label label(String text, Node target) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(target);
        return label;
    }

    private static final class CertificateCell extends ListCell<TrustedCertificate> {
        @Override
        protected void updateItem(TrustedCertificate item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setAccessibleText(null);
            } else {
                setText(item.server() + "\nSHA-256 " + item.fingerprint());
                setAccessibleText("Accepted certificate of " + item.server());
            }
        }
    }
}
