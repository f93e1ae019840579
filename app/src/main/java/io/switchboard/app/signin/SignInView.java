package io.switchboard.app.signin;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;

import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
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

    public SignInView(SignInViewModel viewModel) {
        Objects.requireNonNull(viewModel, "viewModel");

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

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        form.getColumnConstraints().addAll(new ColumnConstraints(), grow());
        form.addRow(0, fieldLabel("_Address", user), user);
        form.addRow(1, fieldLabel("_Password", password), password);
        form.addRow(2, fieldLabel("Se_rver", server), server);

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
        trust.disableProperty().bind(viewModel.signingInProperty());
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
        HBox actions = new HBox(12, progress, signIn);
        actions.setAlignment(Pos.CENTER_RIGHT);

        root = new VBox(14, heading, notice, form, remember, rememberHint, error, trustBox, validation, actions);
        root.setPadding(new Insets(28));
        root.setFillWidth(true);
        // the form sits in the middle of the window, not above an empty half
        root.setAlignment(Pos.CENTER_LEFT);
        root.getStyleClass().add("sign-in");
    }

    public Parent root() {
        return root;
    }

    private static Label fieldLabel(String text, javafx.scene.Node target) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(target);
        return label;
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
