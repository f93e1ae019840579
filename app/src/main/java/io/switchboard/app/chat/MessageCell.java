package io.switchboard.app.chat;

import java.util.Objects;
import java.util.function.Consumer;

import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

import atlantafx.base.theme.Styles;

/**
 * One message in the conversation list. The node tree is built once per cell and reused as the
 * list scrolls; only the status line listens to its message, so a receipt re-renders one row.
 */
final class MessageCell extends ListCell<MessageViewModel> {

    private static final double BUBBLE_WIDTH_SHARE = 0.8;

    private final Label sender = new Label();
    private final Label time = new Label();
    private final Tooltip timeTooltip = new Tooltip();
    private final TextFlow body = new TextFlow();
    private final Label status = new Label();
    private final Button retry = new Button("Retry", new FontIcon(Material2MZ.REFRESH));
    private final HBox statusLine = new HBox(6, status, retry);
    private final VBox bubble;
    private final HBox row;
    private final Consumer<String> openLink;
    private final ChangeListener<String> statusListener = (obs, old, now) -> showStatus();
    private MessageViewModel shown;

    MessageCell(Consumer<String> openLink) {
        this.openLink = Objects.requireNonNull(openLink, "openLink");
        sender.getStyleClass().add("message-sender");
        time.getStyleClass().add("message-time");
        time.setTooltip(timeTooltip);
        body.getStyleClass().add("message-body");
        status.getStyleClass().add("message-status");
        retry.getStyleClass().addAll(Styles.SMALL, Styles.DANGER);
        retry.setAccessibleText("Retry sending this message");
        retry.setOnAction(e -> {
            if (shown != null) {
                shown.retry();
            }
        });
        statusLine.setAlignment(Pos.CENTER_RIGHT);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(8, sender, gap, time);
        header.setAlignment(Pos.BASELINE_LEFT);
        bubble = new VBox(header, body, statusLine);
        bubble.getStyleClass().add("chat-bubble");
        bubble.setMaxWidth(Region.USE_PREF_SIZE);
        row = new HBox(bubble);
        // let the list's width, not the longest message, decide the cell width: text wraps instead of scrolling
        setPrefWidth(0);
        setAccessibleRole(AccessibleRole.LIST_ITEM);
        listViewProperty().addListener((obs, old, list) -> {
            if (list != null) {
                bubble.maxWidthProperty().bind(list.widthProperty().multiply(BUBBLE_WIDTH_SHARE));
            }
        });
    }

    @Override
    protected void updateItem(MessageViewModel item, boolean empty) {
        super.updateItem(item, empty);
        if (shown != null) {
            shown.statusTextProperty().removeListener(statusListener);
        }
        shown = empty ? null : item;
        if (shown == null) {
            setGraphic(null);
            setText(null);
            setAccessibleText(null);
            return;
        }
        boolean own = !shown.isIncoming();
        bubble.getStyleClass().removeAll("own", "peer");
        bubble.getStyleClass().add(own ? "own" : "peer");
        row.setAlignment(own ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        sender.setText(shown.sender());
        time.setText(shown.time());
        timeTooltip.setText(shown.fullTime());
        body.getChildren().setAll(shown.segments().stream().map(this::segmentNode).toList());
        shown.statusTextProperty().addListener(statusListener);
        showStatus();
        setGraphic(row);
    }

    private javafx.scene.Node segmentNode(TextSegment segment) {
        if (!segment.link()) {
            return new Text(segment.text());
        }
        Hyperlink link = new Hyperlink(segment.text());
        link.setAccessibleText("Link " + segment.text());
        link.setOnAction(e -> openLink.accept(segment.text()));
        return link;
    }

    private void showStatus() {
        MessageViewModel m = shown;
        boolean own = !m.isIncoming();
        status.setText(m.statusTextProperty().get());
        status.setTooltip(own ? new Tooltip(m.statusDescriptionProperty().get()) : null);
        status.getStyleClass().removeAll("delivered", "failed", "queued");
        switch (m.status()) {
            case DELIVERED -> status.getStyleClass().add("delivered");
            case FAILED -> status.getStyleClass().add("failed");
            case QUEUED_OFFLINE -> status.getStyleClass().add("queued");
            default -> { }
        }
        statusLine.setVisible(own);
        statusLine.setManaged(own);
        retry.setVisible(m.failedProperty().get());
        retry.setManaged(m.failedProperty().get());
        String state = own ? ", " + m.statusDescriptionProperty().get() : "";
        setAccessibleText(m.sender() + " at " + m.time() + ": " + m.body() + state);
    }
}
