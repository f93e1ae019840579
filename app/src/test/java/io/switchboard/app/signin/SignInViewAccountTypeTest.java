package io.switchboard.app.signin;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import io.switchboard.app.FakeClientSession;
import io.switchboard.app.settings.AccountType;
import io.switchboard.app.settings.AppSettings;
import io.switchboard.app.settings.FakeVault;
import io.switchboard.app.settings.SettingsModel;
import io.switchboard.app.ui.DirectUi;
import io.switchboard.core.service.ClientSession;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.xmpp.XmppAccount;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.RadioButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/** The account-type switch of the real sign-in form, headless: by keyboard, fields swap, a SIP sign-in goes through. */
class SignInViewAccountTypeTest extends ApplicationTest {

    private final List<SipAccount> sipAccounts = new CopyOnWriteArrayList<>();
    private final List<SignedIn> signedIn = new CopyOnWriteArrayList<>();
    private SignInViewModel viewModel;

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        SessionFactory factory = new SessionFactory() {
            @Override
            public ClientSession create(XmppAccount account) {
                return new FakeClientSession(account.user());
            }

            @Override
            public ClientSession create(SipAccount account) {
                sipAccounts.add(account);
                return new FakeClientSession(account.address());
            }
        };
        viewModel = new SignInViewModel(factory, new SettingsModel(AppSettings.defaults(), s -> { }), new FakeVault(),
                new DirectUi(), signedIn::add);
        stage.setScene(new Scene(new SignInView(viewModel, new io.switchboard.app.about.AboutViewModel("test", name -> null)).root(), 440, 680));
        stage.show();
    }

    private boolean shown(String id) {
        return lookup(id).tryQuery().map(Node::getScene).isPresent();
    }

    @Test
    void theTypeChoiceHasAccessibleNamesAndStartsAtXmpp() {
        RadioButton xmpp = lookup("#accountTypeXmpp").queryAs(RadioButton.class);
        RadioButton sip = lookup("#accountTypeSip").queryAs(RadioButton.class);
        assertThat(xmpp.getAccessibleText()).isEqualTo("Account type XMPP");
        assertThat(sip.getAccessibleText()).isEqualTo("Account type SIP/SIMPLE");
        assertThat(xmpp.isSelected()).isTrue();
        assertThat(shown("#user")).isTrue();
        assertThat(shown("#server")).isTrue();
        assertThat(shown("#sipAddress")).isFalse();
        assertThat(shown("#sipProxy")).isFalse();
    }

    @Test
    void theKeyboardSwitchesToSipAndBackAndTheFieldsFollow() {
        RadioButton xmpp = lookup("#accountTypeXmpp").queryAs(RadioButton.class);
        assertThat(xmpp.isFocusTraversable()).isTrue();   // Tab reaches the choice
        interact(xmpp::requestFocus);
        type(KeyCode.RIGHT);   // arrow keys move within the radio group and choose
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(viewModel.accountTypeProperty().get()).isEqualTo(AccountType.SIP);
        assertThat(lookup("#accountTypeSip").queryAs(RadioButton.class).isSelected()).isTrue();
        assertThat(shown("#sipAddress")).isTrue();
        assertThat(shown("#sipAuthUser")).isTrue();
        assertThat(shown("#sipProxy")).isTrue();
        assertThat(shown("#sipBackupProxy")).isTrue();
        assertThat(shown("#password")).isTrue();
        assertThat(shown("#user")).isFalse();
        assertThat(shown("#server")).isFalse();
        assertThat(lookup("#sipProxyTransport").queryComboBox().getAccessibleText()).isEqualTo("Primary proxy transport");

        assertThat(lookup("#accountTypeSip").queryAs(RadioButton.class).isFocused()).isTrue();
        type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewModel.accountTypeProperty().get()).isEqualTo(AccountType.XMPP);
        assertThat(shown("#user")).isTrue();
        assertThat(shown("#sipAddress")).isFalse();
    }

    @Test
    void aSipSignInFromTheForm() {
        clickOn("#accountTypeSip");
        clickOn("#sipAddress").write("alice@example.com");
        Button signIn = lookup("#signIn").queryButton();
        assertThat(signIn.isDisabled()).isTrue();
        clickOn("#password").write("secret");
        clickOn("#sipProxy").write("127.0.0.1:5070");
        ComboBox<SipTransport> transport = lookup("#sipProxyTransport").queryComboBox();
        interact(() -> transport.setValue(SipTransport.TCP));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(signIn.isDisabled()).isFalse();

        type(KeyCode.ENTER);   // the default button
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(sipAccounts).singleElement()
                .satisfies(a -> assertThat(a.primary()).isEqualTo(new SipProxy("127.0.0.1", 5070, SipTransport.TCP)));
        assertThat(signedIn).hasSize(1);
    }

    @Test
    void aBadProxyIsExplainedUnderTheForm() {
        clickOn("#accountTypeSip");
        clickOn("#sipAddress").write("alice@example.com");
        clickOn("#password").write("secret");
        clickOn("#sipProxy").write("proxy:99999");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(lookup("#validation").queryLabeled().getText()).contains("port of the primary proxy");
        assertThat(lookup("#signIn").queryButton().isDisabled()).isTrue();
    }
}
