package io.switchboard.e2e.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.app.LaunchOptions;
import io.switchboard.app.buddylist.BuddyRow;
import io.switchboard.app.buddylist.ContactRow;
import io.switchboard.app.recents.RecentCallRow;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.PresenceColour;
import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.xmpp.XmppClientSession;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the UI tests share: launching the composed client against the bundled server, signing in
 * through the real sign-in window, reading the buddy-list rows the way a user sees them, and the
 * Smack peers on the other side. Node state is always read on the FX thread.
 */
abstract class UiTestSupport {

    static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger USERS = new AtomicInteger();

    final FxRobot robot = new FxRobot();
    private final List<XmppClientSession> peers = new ArrayList<>();
    private ComposedClient client;

    abstract BundledServerFixture server();

    @AfterEach
    void closeClientAndPeers() throws Exception {
        if (client != null) {
            client.close();
            client = null;
        }
        peers.forEach(XmppClientSession::close);
        peers.clear();
    }

    /** The client as a user starts it the first time: an empty sign-in form, no certificate trusted. */
    void launchFresh(Path home) throws Exception {
        client = ComposedClient.launch(home, LaunchOptions.NONE);
    }

    /** The client as the demo launcher starts it: the server filled in and its certificate vouched for. */
    void launchForBundledServer(Path home) throws Exception {
        client = ComposedClient.launch(home, new LaunchOptions(Optional.of(serverText()), Optional.empty(),
                Optional.empty(), Optional.of(server().certificateFingerprint()), false, Optional.empty()));
    }

    /**
     * The client started signed in over SIP, as a script would: {@code --account-type sip ... --auto-sign-in}
     * and {@code moreOptions} (such as {@code --desk-line 1001}).
     */
    void launchSignedInOverSip(Path home, Address user, String... moreOptions) throws Exception {
        launchSignedInOverSipWithPassword(home, user, password(user), moreOptions);
    }

    /** As {@link #launchSignedInOverSip(Path, Address, String...)}, with {@code password}. */
    void launchSignedInOverSipWithPassword(Path home, Address user, String password, String... moreOptions)
            throws Exception {
        List<String> line = new ArrayList<>(List.of("--account-type", "sip", "--user", user.toString(),
                "--proxy", "127.0.0.1:" + server().sipPort(), "--xcap-root", server().xcapRoot().toString(),
                "--password-env", "SWITCHBOARD_TEST_PASSWORD", "--auto-sign-in"));
        line.addAll(List.of(moreOptions));
        LaunchOptions options = LaunchOptions.parse(line.toArray(String[]::new));
        client = ComposedClient.launch(home, options, Map.of("SWITCHBOARD_TEST_PASSWORD", password));
    }

    /**
     * The client started signed in over XMPP, as the demo launcher starts it ({@code --server ...
     * --trust-fingerprint ... --auto-sign-in}), and {@code moreOptions} (such as
     * {@code --phone-proxy 127.0.0.1:5060 --desk-line 1001}).
     */
    void launchSignedInOverXmpp(Path home, Address user, String... moreOptions) throws Exception {
        List<String> line = new ArrayList<>(List.of("--server", serverText(), "--user", user.toString(),
                "--trust-fingerprint", server().certificateFingerprint(),
                "--password-env", "SWITCHBOARD_TEST_PASSWORD", "--auto-sign-in"));
        line.addAll(List.of(moreOptions));
        LaunchOptions options = LaunchOptions.parse(line.toArray(String[]::new));
        client = ComposedClient.launch(home, options, Map.of("SWITCHBOARD_TEST_PASSWORD", password(user)));
    }

    /** A button of the dialog that is showing, by its label without mnemonic marks. */
    Node dialogButton(String label) {
        return fx(() -> robot.lookup(".dialog-pane .button")
                .match(n -> n instanceof Button b && b.getText().replace("_", "").equals(label)).query());
    }

    String serverText() {
        return "127.0.0.1:" + server().c2sPort();
    }

    /** A new account on the bundled server; the password is {@link #password(Address)}. */
    Address newUser(String prefix) throws Exception {
        String name = prefix + USERS.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
        return server().register(name, "pw-" + name);
    }

    static String password(Address user) {
        return "pw-" + user.local();
    }

    XmppClientSession peer(Address user) throws Exception {
        XmppClientSession session = Peer.signedIn(server(), user, password(user));
        peers.add(session);
        return session;
    }

    /** Types into the sign-in window like a user; the server field only when it is still empty. */
    void typeCredentials(Address user, String password) {
        robot.clickOn("#user").write(user.toString());
        robot.clickOn("#password").write(password);
        if (fx(() -> robot.lookup("#server").queryTextInputControl().getText().isEmpty())) {
            robot.clickOn("#server").write(serverText());
        }
    }

    void signInThroughUi(Address user) {
        typeCredentials(user, password(user));
        robot.clickOn("#signIn");
        awaitMainWindow(user);
    }

    void awaitMainWindow(Address user) {
        await().atMost(WAIT).until(() -> fx(() -> robot.lookup("#buddy-list").tryQuery().isPresent()
                && primaryStageTitle().contains(user.toString())));
    }

    /** The buddy list's rows: group headers and contacts, in display order. */
    List<BuddyRow> rows() {
        return fx(() -> List.copyOf(robot.lookup("#buddy-list").<BuddyRow>queryListView().getItems()));
    }

    /** Contact rows in the buddy list; 0 while there is none (still in the sign-in window). */
    long contactRowCount() {
        return fx(() -> robot.lookup("#buddy-list").tryQuery()
                .map(list -> ((ListView<?>) list).getItems().stream().filter(ContactRow.class::isInstance).count())
                .orElse(0L));
    }

    /** What the row of {@code contact} shows: its dot's colour, its status line and the text a screen reader reads. */
    record RowView(String colour, String status, String accessibleText) {
    }

    Optional<RowView> row(Address contact) {
        return fx(() -> cell(contact).map(cell -> {
            Node dot = cell.lookup(".presence-dot");
            String colour = "";
            for (PresenceColour c : PresenceColour.values()) {
                String name = c.name().toLowerCase(Locale.ROOT);
                if (dot.getPseudoClassStates().contains(PseudoClass.getPseudoClass(name))) {
                    colour = name;
                }
            }
            String status = ((Label) cell.lookup(".buddy-status")).getText();
            return new RowView(colour, status, cell.getAccessibleText());
        }));
    }

    /** The visible cell that renders {@code contact} (cells are recycled: only a shown, non-empty one counts). */
    Optional<ListCell<?>> cell(Address contact) {
        ListView<BuddyRow> list = robot.lookup("#buddy-list").queryListView();
        return list.lookupAll(".list-cell").stream()
                .filter(n -> n instanceof ListCell<?> c && !c.isEmpty() && c.isVisible()
                        && c.getItem() instanceof ContactRow r && r.item().address().equals(contact))
                .<ListCell<?>>map(n -> (ListCell<?>) n)
                .findFirst();
    }

    void awaitRow(Address contact, String colour, String statusStart) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(row(contact)).hasValueSatisfying(r -> {
            assertThat(r.colour()).isEqualTo(colour);
            assertThat(r.status()).startsWith(statusStart);
            assertThat(r.accessibleText()).contains(statusStart);
        }));
    }

    /** Shown on screen: the node and every parent visible, in a showing window. */
    static boolean shown(Node node) {
        if (node.getScene() == null || node.getScene().getWindow() == null || !node.getScene().getWindow().isShowing()) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    static String primaryStageTitle() {
        return Window.getWindows().stream().filter(Stage.class::isInstance).map(w -> ((Stage) w).getTitle())
                .filter(t -> t != null && t.startsWith("Switchboard")).findFirst().orElse("");
    }

    /** Runs {@code query} on the FX thread and returns its result. */
    static <T> T fx(Callable<T> query) {
        try {
            return WaitForAsyncUtils.asyncFx(query).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("FX query failed", e);
        }
    }

    // ---- windows of the client, as the phone tests look at them ---------------------------

    /** The node {@code id} of the window titled {@code window}. */
    Node nodeIn(String window, String id) {
        return fx(() -> robot.from(window(window).getScene().getRoot()).lookup(id).<Node>query());
    }

    /** The text of the label {@code id} of the main window, or "". */
    String labelText(String id) {
        return fx(() -> robot.lookup(id).tryQuery().map(n -> ((Label) n).getText()).orElse(""));
    }

    /** The text of the label {@code id} of the window titled {@code window} while it shows, else "". */
    String labelText(String window, String id) {
        return fx(() -> windowIfShowing(window)
                .map(s -> ((Label) s.getScene().getRoot().lookup(id)).getText()).orElse(""));
    }

    static Stage window(String title) {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && title.equals(s.getTitle()))
                .map(Stage.class::cast).findFirst().orElseThrow(() -> new AssertionError("no window " + title));
    }

    static Optional<Stage> windowIfShowing(String title) {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && title.equals(s.getTitle())
                && s.isShowing()).map(Stage.class::cast).findFirst();
    }

    Label recentsTab() {
        return fx(() -> robot.lookup(".tab Label").match(n -> n instanceof Label l && "Recents".equals(l.getText()))
                .query());
    }

    List<RecentCallRow> recentRows() {
        return fx(() -> List.copyOf(robot.lookup("#recents-list")
                .<RecentCallRow>queryListView().getItems()));
    }
}
