package io.switchboard.app.signin;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import io.switchboard.app.about.AboutView;
import io.switchboard.app.about.AboutViewModel;
import io.switchboard.app.preset.PresetKey;
import io.switchboard.app.settings.AccountType;
import io.switchboard.app.settings.CallMode;
import io.switchboard.sip.stack.SipTransport;

import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The sign-in form, bound to a {@link SignInViewModel}. Thin: layout, bindings, forwarding. */
public final class SignInView {

    private final VBox root;
    private final GridPane form = new GridPane();

    /** What a locked field says about itself: IT set it when installing the client (ADR 0031). */
    static final String SET_BY_ADMINISTRATOR = "Set by your administrator";

    public SignInView(SignInViewModel viewModel, AboutViewModel about) {
        Objects.requireNonNull(viewModel, "viewModel");
        Objects.requireNonNull(about, "about");

        FontIcon logo = new FontIcon(Material2AL.FORUM);
        logo.getStyleClass().add("sign-in-logo");
        Label title = new Label("Sign in to Switchboard");
        title.getStyleClass().add(Styles.TITLE_3);
        VBox heading = new VBox(8, logo, title);
        heading.setAlignment(Pos.CENTER);

        TextField user = new TextField();
        user.setId("user");
        user.setPromptText("alice@example.com");
        user.setAccessibleText("Your address");
        user.textProperty().bindBidirectional(viewModel.userProperty());

        PasswordField password = new PasswordField();
        password.setId("password");
        password.setAccessibleText("Password");
        password.textProperty().bindBidirectional(viewModel.passwordProperty());

        TextField server = new TextField();
        server.setId("server");
        server.setPromptText("optional: example.com or host:5222");
        server.setAccessibleText("Server: a domain, or host and port; empty to use your address's domain");
        server.textProperty().bindBidirectional(viewModel.serverProperty());

        // the account type: radio buttons, so arrow keys, Tab and the mnemonics reach both
        ToggleGroup types = new ToggleGroup();
        RadioButton xmppType = typeButton("_XMPP", "Account type XMPP", "accountTypeXmpp", AccountType.XMPP, types);
        RadioButton sipType = typeButton("S_IP/SIMPLE", "Account type SIP/SIMPLE", "accountTypeSip", AccountType.SIP,
                types);
        selectType(types, viewModel.accountTypeProperty().get());
        types.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                was.setSelected(true);   // one type is always chosen
            } else {
                viewModel.accountTypeProperty().set((AccountType) now.getUserData());
            }
        });
        viewModel.accountTypeProperty().addListener((obs, was, now) -> selectType(types, now));
        Label typeLabel = new Label("Account type");
        HBox typeRow = new HBox(16, xmppType, sipType);
        typeRow.setAccessibleRole(AccessibleRole.NODE);
        typeRow.setAccessibleText("Account type");

        TextField sipAddress = new TextField();
        sipAddress.setId("sipAddress");
        sipAddress.setPromptText("alice@example.com");
        sipAddress.setAccessibleText("Your SIP address");
        sipAddress.textProperty().bindBidirectional(viewModel.sipAddressProperty());

        TextField sipAuthUser = new TextField();
        sipAuthUser.setId("sipAuthUser");
        sipAuthUser.setPromptText("optional: if not the user part of your address");
        sipAuthUser.setAccessibleText("Authentication user name, optional");
        sipAuthUser.textProperty().bindBidirectional(viewModel.sipAuthUserProperty());

        TextField sipProxy = new TextField();
        sipProxy.setId("sipProxy");
        sipProxy.setPromptText("optional: your domain, port 5060");
        sipProxy.setAccessibleText("Primary proxy: host or host and port; empty to use your address's domain");
        sipProxy.textProperty().bindBidirectional(viewModel.sipProxyProperty());
        ComboBox<SipTransport> sipProxyTransport = transportChoice("sipProxyTransport", "Primary proxy transport");
        sipProxyTransport.valueProperty().bindBidirectional(viewModel.sipProxyTransportProperty());

        TextField sipBackup = new TextField();
        sipBackup.setId("sipBackupProxy");
        sipBackup.setPromptText("optional: host or host:port");
        sipBackup.setAccessibleText("Backup proxy: host or host and port; optional");
        sipBackup.textProperty().bindBidirectional(viewModel.sipBackupProxyProperty());
        ComboBox<SipTransport> sipBackupTransport = transportChoice("sipBackupTransport", "Backup proxy transport");
        sipBackupTransport.valueProperty().bindBidirectional(viewModel.sipBackupTransportProperty());

        TextField sipXcapRoot = new TextField();
        sipXcapRoot.setId("sipXcapRoot");
        sipXcapRoot.setPromptText("optional: http://proxy:5062/xcap-root");
        sipXcapRoot.setAccessibleText("XCAP root for answering watch requests; optional, empty for your proxy on port 5062");
        sipXcapRoot.textProperty().bindBidirectional(viewModel.sipXcapRootProperty());

        // XMPP accounts: calls go over SIP to this server (as Cisco Jabber's phone services do)
        TextField phoneServer = new TextField();
        phoneServer.setId("phoneServer");
        phoneServer.setPromptText("optional: host:5060 for calls");
        phoneServer.setAccessibleText("Phone server: the SIP proxy of your calls, host or host and port; empty for no calls");
        phoneServer.textProperty().bindBidirectional(viewModel.phoneServerProperty());
        ComboBox<SipTransport> phoneServerTransport = transportChoice("phoneServerTransport", "Phone server transport");
        phoneServerTransport.valueProperty().bindBidirectional(viewModel.phoneServerTransportProperty());

        ComboBox<CallMode> callMode = new ComboBox<>(FXCollections.observableArrayList(CallMode.values()));
        callMode.setId("callMode");
        callMode.setAccessibleText("Calls use this computer (softphone) or your desk phone");
        callMode.valueProperty().bindBidirectional(viewModel.callModeProperty());
        TextField deskLine = new TextField();
        deskLine.setId("deskLine");
        deskLine.setPromptText("line, e.g. 1001");
        deskLine.setAccessibleText("Your desk phone's line");
        deskLine.textProperty().bindBidirectional(viewModel.deskLineProperty());
        deskLine.visibleProperty().bind(viewModel.callModeProperty().isEqualTo(CallMode.DESK_PHONE));
        deskLine.managedProperty().bind(deskLine.visibleProperty());

        lockIf(viewModel, PresetKey.SERVER, server);
        lockIf(viewModel, PresetKey.ACCOUNT_TYPE, xmppType, sipType);
        lockIf(viewModel, PresetKey.SIP_PROXY, sipProxy, sipProxyTransport);
        lockIf(viewModel, PresetKey.PHONE_PROXY, phoneServer, phoneServerTransport);
        lockIf(viewModel, PresetKey.CALL_MODE, callMode);
        lockIf(viewModel, PresetKey.DESK_LINE, deskLine);
        if (viewModel.isLocked(PresetKey.DOMAIN)) {
            user.setAccessibleText(user.getAccessibleText() + "; the domain is set by your administrator");
            sipAddress.setAccessibleText(sipAddress.getAccessibleText() + "; the domain is set by your administrator");
        }

        form.setHgap(12);
        form.setVgap(10);
        // labels and the transport choice keep their width: the fields give way in a narrow window
        form.getColumnConstraints().addAll(fixed(), grow(), fixed());
        Label userLabel = fieldLabel("_Address", user);
        Label passwordLabel = fieldLabel("_Password", password);
        Label serverLabel = fieldLabel("Se_rver", server);
        Label sipAddressLabel = fieldLabel("_Address", sipAddress);
        Label sipAuthLabel = fieldLabel("A_uth user", sipAuthUser);
        Label sipProxyLabel = fieldLabel("Pr_oxy", sipProxy);
        Label sipBackupLabel = fieldLabel("_Backup proxy", sipBackup);
        Label sipXcapLabel = fieldLabel("_XCAP root", sipXcapRoot);
        Label callModeLabel = fieldLabel("P_hone", callMode);
        Label phoneServerLabel = fieldLabel("Phone server", phoneServer);
        Runnable xmppRows = () -> {
            form.getChildren().clear();
            form.add(typeLabel, 0, 0);
            form.add(typeRow, 1, 0, 2, 1);
            form.add(userLabel, 0, 1);
            form.add(user, 1, 1, 2, 1);
            form.add(passwordLabel, 0, 2);
            form.add(password, 1, 2, 2, 1);
            form.add(serverLabel, 0, 3);
            form.add(server, 1, 3, 2, 1);
            form.addRow(4, phoneServerLabel, phoneServer, phoneServerTransport);
            form.addRow(5, callModeLabel, callMode, deskLine);
        };
        Runnable sipRows = () -> {
            form.getChildren().clear();
            form.add(typeLabel, 0, 0);
            form.add(typeRow, 1, 0, 2, 1);
            form.add(sipAddressLabel, 0, 1);
            form.add(sipAddress, 1, 1, 2, 1);
            form.add(passwordLabel, 0, 2);
            form.add(password, 1, 2, 2, 1);
            form.add(sipAuthLabel, 0, 3);
            form.add(sipAuthUser, 1, 3, 2, 1);
            form.addRow(4, sipProxyLabel, sipProxy, sipProxyTransport);
            form.addRow(5, sipBackupLabel, sipBackup, sipBackupTransport);
            form.add(sipXcapLabel, 0, 6);
            form.add(sipXcapRoot, 1, 6, 2, 1);
            form.addRow(7, callModeLabel, callMode, deskLine);
        };
        (viewModel.accountTypeProperty().get() == AccountType.SIP ? sipRows : xmppRows).run();
        viewModel.accountTypeProperty().addListener((obs, was, now) ->
                (now == AccountType.SIP ? sipRows : xmppRows).run());

        CheckBox remember = new CheckBox("_Remember my password");
        remember.setId("remember");
        remember.setMnemonicParsing(true);
        remember.selectedProperty().bindBidirectional(viewModel.rememberMeProperty());
        remember.setDisable(!viewModel.rememberMeAvailable());
        Label rememberHint = new Label(viewModel.rememberMeHint());
        rememberHint.setWrapText(true);
        rememberHint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);

        Label validation = new Label();
        validation.setId("validation");
        validation.setWrapText(true);
        validation.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_SUBTLE);
        validation.textProperty().bind(viewModel.validationMessage());

        Message error = new Message("Could not sign in", "", new FontIcon(Material2AL.ERROR_OUTLINE));
        error.setId("error");
        error.getStyleClass().add(Styles.DANGER);
        error.descriptionProperty().bind(viewModel.errorMessageProperty());
        error.setAccessibleRole(AccessibleRole.TEXT);
        error.accessibleTextProperty().bind(viewModel.errorMessageProperty());
        showWhenNotEmpty(error, viewModel.errorMessageProperty().isNotEmpty());

        TextArea fingerprint = new TextArea();
        fingerprint.setId("fingerprint");
        fingerprint.setEditable(false);   // selectable, so it can be copied and compared
        fingerprint.setWrapText(true);
        fingerprint.setPrefRowCount(3);
        fingerprint.setAccessibleText("SHA-256 fingerprint of the server certificate");
        fingerprint.textProperty().bind(viewModel.untrustedFingerprintProperty());
        fingerprint.getStyleClass().add(Styles.TEXT_SMALL);
        Button trust = new Button("_Trust this certificate", new FontIcon(Material2MZ.SECURITY));
        trust.setId("trust");
        trust.getStyleClass().add(Styles.DANGER);
        trust.setOnAction(e -> viewModel.trustCertificateAndRetry());
        trust.disableProperty().bind(viewModel.signingInProperty().or(
                new javafx.beans.property.SimpleBooleanProperty(!viewModel.canTrustCertificates())));
        if (!viewModel.canTrustCertificates()) {
            trust.setAccessibleText("Trust this certificate: not allowed, your administrator set the certificate");
        }
        VBox trustBox = new VBox(6, new Label("SHA-256 fingerprint:"), fingerprint, trust);
        showWhenNotEmpty(trustBox, viewModel.untrustedFingerprintProperty().isNotEmpty());

        Message notice = new Message("", "", new FontIcon(Material2AL.INFO));
        notice.getStyleClass().add(Styles.ACCENT);
        notice.descriptionProperty().bind(viewModel.noticeProperty());
        notice.setOnClose(e -> viewModel.showNotice(""));
        showWhenNotEmpty(notice, viewModel.noticeProperty().isNotEmpty());

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(22, 22);
        progress.setAccessibleText("Signing in");
        progress.visibleProperty().bind(viewModel.signingInProperty());
        Button signIn = new Button("_Sign in", new FontIcon(Material2AL.LOGIN));
        signIn.setId("signIn");
        signIn.setDefaultButton(true);
        signIn.getStyleClass().add(Styles.ACCENT);
        signIn.disableProperty().bind(Bindings.not(viewModel.canSignIn()));
        signIn.setOnAction(e -> viewModel.signIn());

        // disabled controls show no tooltip: the reason for them is also said in words
        Label administered = new Label("Fields that cannot be changed are set by your administrator.",
                new FontIcon(Material2AL.ADMIN_PANEL_SETTINGS));
        administered.setId("preset-notice");
        administered.setWrapText(true);
        administered.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        administered.setVisible(viewModel.hasLockedFields());
        administered.setManaged(viewModel.hasLockedFields());

        javafx.scene.control.Hyperlink aboutLink = new javafx.scene.control.Hyperlink("About Switchboard");
        aboutLink.setId("sign-in-about");
        aboutLink.setOnAction(e -> new AboutView(about, aboutLink.getScene().getWindow()).showAndWait());
        HBox actions = new HBox(12, aboutLink, new atlantafx.base.controls.Spacer(), progress, signIn);
        actions.setAlignment(Pos.CENTER_RIGHT);

        root = new VBox(14, heading, notice, form, administered, remember, rememberHint, error, trustBox, validation,
                actions);
        root.setPadding(new Insets(28));
        root.setFillWidth(true);
        // the form sits in the middle of the window, not above an empty half
        root.setAlignment(Pos.CENTER_LEFT);
        root.getStyleClass().add("sign-in");
    }

    public Parent root() {
        return root;
    }

    /** Disables the controls of a field the administrator locked, and says so to the eye and the screen reader. */
    private static void lockIf(SignInViewModel viewModel, PresetKey key, javafx.scene.control.Control... controls) {
        if (!viewModel.isLocked(key)) {
            return;
        }
        for (javafx.scene.control.Control control : controls) {
            control.setDisable(true);
            control.setTooltip(new javafx.scene.control.Tooltip(SET_BY_ADMINISTRATOR));
            String said = control.getAccessibleText();
            control.setAccessibleText((said == null ? "" : said + "; ") + SET_BY_ADMINISTRATOR.toLowerCase(
                    java.util.Locale.ROOT));
            control.getStyleClass().add("administered");
        }
    }

    private static RadioButton typeButton(String text, String accessible, String id, AccountType type,
                                          ToggleGroup group) {
        RadioButton button = new RadioButton(text);
        button.setId(id);
        button.setMnemonicParsing(true);
        button.setAccessibleText(accessible);
        button.setUserData(type);
        button.setToggleGroup(group);
        return button;
    }

    private static void selectType(ToggleGroup group, AccountType type) {
        for (Toggle toggle : group.getToggles()) {
            if (toggle.getUserData() == type && !toggle.isSelected()) {
                toggle.setSelected(true);
            }
        }
    }

    private static ComboBox<SipTransport> transportChoice(String id, String accessible) {
        ComboBox<SipTransport> choice = new ComboBox<>();
        choice.getItems().setAll(SipTransport.values());
        choice.setId(id);
        choice.setAccessibleText(accessible);
        choice.setTooltip(new javafx.scene.control.Tooltip(accessible));
        return choice;
    }

    private static Label fieldLabel(String text, javafx.scene.Node target) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(target);
        return label;
    }

    private static ColumnConstraints fixed() {
        ColumnConstraints c = new ColumnConstraints();
        c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return c;
    }

    private static ColumnConstraints grow() {
        ColumnConstraints c = new ColumnConstraints();
        c.setHgrow(Priority.ALWAYS);
        return c;
    }

    private static void showWhenNotEmpty(javafx.scene.Node node, javafx.beans.value.ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }
}
