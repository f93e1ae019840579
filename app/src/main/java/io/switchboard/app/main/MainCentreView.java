package io.switchboard.app.main;

import io.switchboard.app.phone.DialBoxView;
import io.switchboard.app.phone.DialViewModel;
import io.switchboard.app.phone.PhoneModeView;
import io.switchboard.app.phone.PhoneModeViewModel;
import io.switchboard.app.phone.VoicemailIndicatorView;
import io.switchboard.app.phone.VoicemailViewModel;
import io.switchboard.app.recents.RecentsView;
import io.switchboard.app.recents.RecentsViewModel;

import java.util.Objects;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The main window's centre for an account with a softphone: the dial box and the voicemail lamp,
 * the switch between softphone and desk phone, then the contacts and
 * the Recents list as two tabs; the Recents tab carries the count of missed calls not yet seen.
 */
public final class MainCentreView {

    private final VBox root = new VBox();
    private final TabPane tabs = new TabPane();

    public MainCentreView(DialViewModel dial, PhoneModeViewModel phoneMode, RecentsViewModel recents,
                          VoicemailViewModel voicemail, Node contacts) {
        Objects.requireNonNull(recents, "recents");
        Pane dialBox = new DialBoxView(dial).root();
        HBox.setHgrow(dialBox, Priority.ALWAYS);
        HBox dialRow = new HBox(8, dialBox, new VoicemailIndicatorView(voicemail).root());
        dialRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        dialRow.setPadding(new Insets(8, 12, 4, 12));

        Tab contactsTab = new Tab("Contacts", contacts);
        contactsTab.setId("contacts-tab");
        Label badge = new Label();
        badge.setId("missed-calls-badge");
        badge.getStyleClass().add("missed-badge");
        badge.textProperty().bind(recents.missedUnseenProperty().asString());
        badge.visibleProperty().bind(recents.missedUnseenProperty().greaterThan(0));
        badge.managedProperty().bind(badge.visibleProperty());
        Label title = new Label("Recents");
        HBox graphic = new HBox(6, title, badge);
        Tab recentsTab = new Tab(null, new RecentsView(recents).root());
        recentsTab.setGraphic(graphic);
        recentsTab.setId("recents-tab");
        // the tab reads its title and badge together: "Recents, 2 missed"
        graphic.accessibleTextProperty().bind(recents.missedUnseenProperty()
                .map(n -> n.intValue() > 0 ? "Recents, " + n + " missed" : "Recents"));
        recents.shownProperty().bind(recentsTab.selectedProperty());
        tabs.getTabs().setAll(contactsTab, recentsTab);
        contactsTab.setClosable(false);
        recentsTab.setClosable(false);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        root.getChildren().addAll(dialRow, new PhoneModeView(phoneMode).root(), tabs);
    }

    public Pane root() {
        return root;
    }
}
