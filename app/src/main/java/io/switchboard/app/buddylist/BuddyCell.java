package io.switchboard.app.buddylist;

import io.switchboard.core.model.PresenceColour;

import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import javafx.animation.Animation;
import javafx.animation.FadeTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.util.Duration;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * Renders one row: a group header (chevron, "Engineering (3/7)") or a contact (presence dot,
 * name, availability and note, unread badge, devices in the tooltip, and the phone-status lamp
 * when the user chose it). Cells are recycled by
 * the virtualised list, so everything bound here is unbound when the item changes.
 */
final class BuddyCell extends ListCell<BuddyRow> {

    private static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");

    private final BuddyListViewModel vm;
    private final Supplier<BuddyRow> dragged;
    private final BiConsumer<BuddyRow, Boolean> dragging;

    private final FontIcon chevron = new FontIcon(Material2AL.KEYBOARD_ARROW_DOWN);
    private final Label groupTitle = new Label();
    private final HBox header = new HBox(chevron, groupTitle);

    private final FontIcon dot = new FontIcon(Material2AL.LENS);
    private final Label name = new Label();
    private final Label status = new Label();
    private final Label badge = new Label();
    /** The phone-status lamp (busy lamp field), shown for contacts the user chose. */
    private final Circle lamp = new Circle(5);
    private final Tooltip lampTooltip = new Tooltip();
    private final FadeTransition blink = new FadeTransition(Duration.millis(500), lamp);
    private final HBox contact;
    /**
     * The per-device detail, made when the pointer first rests on the cell: a tooltip is a
     * popup control, and making one for each of the ~30 cells the list creates when it is first
     * shown made that (already long) pulse longer.
     */
    private Tooltip devices;

    private ChangeListener<PresenceColour> colourListener;
    private ChangeListener<PhoneLamp> lampListener;
    private ReadOnlyObjectProperty<PhoneLamp> lampState;
    private ChangeListener<Boolean> expandedListener;
    private BuddyRow bound;

    BuddyCell(BuddyListViewModel vm, Supplier<BuddyRow> dragged, BiConsumer<BuddyRow, Boolean> dragging) {
        this.vm = vm;
        this.dragged = dragged;
        this.dragging = dragging;
        header.getStyleClass().add("buddy-group-header");
        header.setAlignment(Pos.CENTER_LEFT);
        groupTitle.getStyleClass().add("title");
        chevron.getStyleClass().add("chevron");

        dot.getStyleClass().add("presence-dot");
        name.getStyleClass().add("buddy-name");
        status.getStyleClass().add("buddy-status");
        badge.getStyleClass().add("unread-badge");
        badge.managedProperty().bind(badge.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox text = new VBox(name, status);
        text.setMinWidth(0);
        lamp.getStyleClass().add("phone-lamp");
        lamp.managedProperty().bind(lamp.visibleProperty());
        lamp.setVisible(false);
        Tooltip.install(lamp, lampTooltip);
        blink.setFromValue(1);
        blink.setToValue(0.2);
        blink.setAutoReverse(true);
        blink.setCycleCount(Animation.INDEFINITE);
        contact = new HBox(dot, text, spacer, badge, lamp);
        contact.setSpacing(4);
        contact.getStyleClass().add("buddy-contact");
        contact.setAlignment(Pos.CENTER_LEFT);
        setAccessibleRole(AccessibleRole.LIST_ITEM);
        setOnMouseEntered(e -> {
            if (devices == null && getItem() instanceof ContactRow c) {
                devices = new Tooltip();
                devices.getStyleClass().add("buddy-devices");
                devices.textProperty().bind(c.item().devicesTextProperty());
                setTooltip(devices);
            }
        });
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() != null) {
                vm.activate(getItem());
            }
        });
        chevron.setOnMouseClicked(e -> {
            if (getItem() instanceof GroupRow g) {
                vm.toggleExpanded(g);
                e.consume();
            }
        });
        installDragAndDrop();
    }

    private void installDragAndDrop() {
        setOnDragDetected(e -> {
            if (getItem() instanceof ContactRow row) {
                var board = startDragAndDrop(TransferMode.MOVE);
                var content = new ClipboardContent();
                content.putString(row.item().address().toString());
                board.setContent(content);
                dragging.accept(row, true);
                e.consume();
            }
        });
        setOnDragDone(e -> dragging.accept(null, false));
        setOnDragOver(e -> {
            if (vm.canDrop(dragged.get(), getItem())) {
                e.acceptTransferModes(TransferMode.MOVE);
                pseudoClassStateChanged(DROP_TARGET, true);
            }
            e.consume();
        });
        setOnDragExited(e -> pseudoClassStateChanged(DROP_TARGET, false));
        setOnDragDropped(e -> {
            boolean ok = vm.canDrop(dragged.get(), getItem());
            if (ok) {
                vm.drop(dragged.get(), getItem());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    @Override
    protected void updateItem(BuddyRow row, boolean empty) {
        super.updateItem(row, empty);
        unbind();
        if (empty || row == null) {
            setGraphic(null);
            setText(null);
            setTooltip(null);
            return;
        }
        bound = row;
        if (row instanceof GroupRow g) {
            showHeader(g);
        } else if (row instanceof ContactRow c) {
            showContact(c.item());
        }
    }

    private void showHeader(GroupRow g) {
        groupTitle.textProperty().bind(g.titleProperty());
        accessibleTextProperty().bind(g.accessibleTextProperty());
        expandedListener = (obs, old, expanded) -> chevron.setIconCode(
                expanded ? Material2AL.KEYBOARD_ARROW_DOWN : Material2AL.KEYBOARD_ARROW_RIGHT);
        g.expandedProperty().addListener(expandedListener);
        expandedListener.changed(g.expandedProperty(), null, g.isExpanded());
        setTooltip(null);
        setGraphic(header);
    }

    private void showContact(ContactItem item) {
        name.textProperty().bind(item.displayNameProperty());
        status.textProperty().bind(Bindings.createStringBinding(
                () -> item.noteProperty().get().isBlank() ? item.getStatusText()
                        : item.getStatusText() + " · " + item.noteProperty().get(),
                item.statusTextProperty(), item.noteProperty()));
        badge.textProperty().bind(item.unreadProperty().asString());
        badge.visibleProperty().bind(item.unreadProperty().greaterThan(0));
        accessibleTextProperty().bind(item.accessibleTextProperty());
        colourListener = (obs, old, colour) -> showColour(colour);
        item.colourProperty().addListener(colourListener);
        showColour(item.colourProperty().get());
        if (devices != null) {
            devices.textProperty().bind(item.devicesTextProperty());
            setTooltip(devices);
        }
        lampState = vm.phoneStatus().lampProperty(item.address());
        lampListener = (obs, old, shown) -> showLamp(shown);
        lampState.addListener(lampListener);
        showLamp(lampState.get());
        setGraphic(contact);
    }

    private void showColour(PresenceColour colour) {
        for (PresenceColour c : PresenceColour.values()) {
            dot.pseudoClassStateChanged(PseudoClass.getPseudoClass(c.name().toLowerCase(Locale.ROOT)), c == colour);
        }
    }

    /** Idle grey, ringing amber and blinking, busy red; the tooltip says it in words. */
    private void showLamp(PhoneLamp shown) {
        lamp.setVisible(shown.shown());
        lamp.setFill(switch (shown) {
            case RINGING -> Color.web("#f0a30a");
            case BUSY -> Color.web("#d13438");
            case IDLE -> Color.web("#8a8886");
            case NONE, UNKNOWN -> Color.TRANSPARENT;
        });
        lamp.setStroke(shown == PhoneLamp.UNKNOWN ? Color.web("#8a8886") : null);
        lamp.setAccessibleText(shown.tooltip());
        lampTooltip.setText(shown.tooltip());
        lamp.pseudoClassStateChanged(PseudoClass.getPseudoClass("ringing"), shown == PhoneLamp.RINGING);
        if (shown.blinking()) {
            blink.play();
        } else {
            blink.stop();
            lamp.setOpacity(1);
        }
    }

    private void unbind() {
        if (bound instanceof GroupRow g) {
            g.expandedProperty().removeListener(expandedListener);
        } else if (bound instanceof ContactRow c) {
            c.item().colourProperty().removeListener(colourListener);
        }
        if (lampState != null) {
            lampState.removeListener(lampListener);
            lampState = null;
            showLamp(PhoneLamp.NONE);
        }
        bound = null;
        groupTitle.textProperty().unbind();
        name.textProperty().unbind();
        status.textProperty().unbind();
        badge.textProperty().unbind();
        badge.visibleProperty().unbind();
        if (devices != null) {
            devices.textProperty().unbind();
        }
        accessibleTextProperty().unbind();
    }
}
