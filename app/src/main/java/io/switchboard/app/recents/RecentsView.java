package io.switchboard.app.recents;

import atlantafx.base.theme.Styles;
import io.switchboard.core.model.PresenceColour;

import java.util.Locale;
import java.util.Objects;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Recents list: one row per call (presence dot, name, kind · time · duration or outcome, a
 * call-back button). Enter or a double-click calls back; so does the context menu.
 */
public final class RecentsView {

    private final ListView<RecentCallRow> list = new ListView<>();

    public RecentsView(RecentsViewModel vm) {
        Objects.requireNonNull(vm, "vm");
        list.setId("recents-list");
        list.setItems(vm.rows());
        list.setAccessibleText("Recent calls");
        list.setPlaceholder(new Label("No calls yet"));
        list.setCellFactory(v -> new RecentCell(vm));
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.callBack(list.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        MenuItem callBack = new MenuItem("_Call back", new FontIcon(Material2AL.CALL));
        callBack.setOnAction(e -> vm.callBack(list.getSelectionModel().getSelectedItem()));
        callBack.disableProperty().bind(vm.canCallBackProperty().not());
        list.setContextMenu(new ContextMenu(callBack));
    }

    public ListView<RecentCallRow> root() {
        return list;
    }

    /** One call; cells are recycled, so the presence listener follows the row shown. */
    private static final class RecentCell extends ListCell<RecentCallRow> {
        private final Circle dot = new Circle(5);
        private final FontIcon kind = new FontIcon(Material2AL.CALL_MADE);
        private final Label name = new Label();
        private final Label detail = new Label();
        private final HBox graphic;
        private final Button callBack;
        private final ChangeListener<PresenceColour> colourListener = (obs, was, now) -> showColour(now);
        private ObservableValue<PresenceColour> watched;

        RecentCell(RecentsViewModel vm) {
            dot.getStyleClass().add("presence-dot");
            name.getStyleClass().add(Styles.TEXT_BOLD);
            detail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            kind.getStyleClass().add("recent-kind");
            VBox text = new VBox(name, detail);
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            Button callBack = new Button(null, new FontIcon(Material2MZ.PHONE));
            callBack.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "recent-call-back");
            callBack.disableProperty().bind(vm.canCallBackProperty().not());
            callBack.setOnAction(e -> vm.callBack(getItem()));
            callBack.setMinWidth(Region.USE_PREF_SIZE);
            graphic = new HBox(8, dot, kind, text, callBack);
            graphic.setAlignment(Pos.CENTER_LEFT);
            setAccessibleRole(AccessibleRole.LIST_ITEM);
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() != null) {
                    vm.callBack(getItem());
                }
            });
            this.callBack = callBack;
        }

        @Override
        protected void updateItem(RecentCallRow row, boolean empty) {
            super.updateItem(row, empty);
            if (watched != null) {
                watched.removeListener(colourListener);
                watched = null;
            }
            if (empty || row == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            name.setText(row.name());
            detail.setText(row.detail());
            kind.setIconCode(row.record().missed() ? Material2AL.CALL_MISSED
                    : row.record().outgoing() ? Material2AL.CALL_MADE : Material2AL.CALL_RECEIVED);
            kind.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("missed"), row.record().missed());
            callBack.setAccessibleText("Call " + row.name() + " back");
            setAccessibleText(row.accessibleText());
            watched = row.presence();
            watched.addListener(colourListener);
            showColour(watched.getValue());
            setGraphic(graphic);
        }

        private void showColour(PresenceColour colour) {
            dot.getStyleClass().removeIf(c -> c.startsWith("presence-") && !c.equals("presence-dot"));
            dot.getStyleClass().add("presence-" + (colour == null ? PresenceColour.GREY : colour).name().toLowerCase(Locale.ROOT));
        }
    }
}
