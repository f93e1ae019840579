package io.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.app.settings.AccountType;
import io.switchboard.app.settings.CallMode;
import io.switchboard.app.settings.AppSettings;
import io.switchboard.app.settings.FakeVault;
import io.switchboard.app.settings.SettingsModel;
import io.switchboard.app.settings.SipSignInSettings;
import io.switchboard.app.signin.SessionFactory;
import io.switchboard.app.signin.SignInViewModel;
import io.switchboard.app.signin.SignedIn;
import io.switchboard.app.ui.DirectUi;
import io.switchboard.core.service.ClientSession;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.xmpp.XmppAccount;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** The SIP launch options, parsed and put into the sign-in form, down to the account a script signs in with. */
class LaunchedSignInTest {

    private final List<SipAccount> sipAccounts = new ArrayList<>();
    private final List<XmppAccount> xmppAccounts = new ArrayList<>();
    private final List<SignedIn> signedIn = new ArrayList<>();

    private SignInViewModel viewModel(AppSettings saved) {
        SessionFactory factory = new SessionFactory() {
            @Override
            public ClientSession create(XmppAccount account) {
                xmppAccounts.add(account);
                return new FakeClientSession(account.user());
            }

            @Override
            public ClientSession create(SipAccount account) {
                sipAccounts.add(account);
                return new FakeClientSession(account.address());
            }
        };
        return new SignInViewModel(factory, new SettingsModel(saved, s -> { }), new FakeVault(), new DirectUi(),
                signedIn::add);
    }

    @Test
    void theSipOptionsAreParsed() {
        LaunchOptions options = LaunchOptions.parse("--account-type", "SIP", "--user", "alice@example.com",
                "--password-env", "PW", "--proxy", "127.0.0.1:5070;transport=tcp", "--backup-proxy", "127.0.0.1:5080",
                "--auto-sign-in");

        assertThat(options.accountType()).contains(AccountType.SIP);
        assertThat(options.proxy()).contains(new LaunchOptions.ProxyOption("127.0.0.1:5070", SipTransport.TCP));
        assertThat(options.backupProxy()).contains(new LaunchOptions.ProxyOption("127.0.0.1:5080", SipTransport.UDP));
        assertThat(LaunchOptions.parse("--account-type", "xmpp").accountType()).contains(AccountType.XMPP);
    }

    @Test
    void deskLineSelectsDeskPhoneModeOnThatLineAndIsSavedAtSignIn() {
        LaunchOptions options = LaunchOptions.parse("--account-type", "sip", "--user", "alice@example.com",
                "--password-env", "PW", "--desk-line", "1001");
        SignInViewModel form = viewModel(AppSettings.defaults());

        LaunchedSignIn.apply(options, Map.of("PW", "secret"), form);

        assertThat(form.callModeProperty().get()).isEqualTo(CallMode.DESK_PHONE);
        assertThat(form.deskLineProperty().get()).isEqualTo("1001");
        assertThatThrownBy(() -> LaunchOptions.parse("--desk-line", "my phone"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--desk-line");
        form.deskLineProperty().set("");
        assertThat(form.validationMessage().get()).isEqualTo("Enter your desk phone's line, like 1001.");
    }

    @Test
    void badSipLinesAreRefusedWithAReason() {
        assertThatThrownBy(() -> LaunchOptions.parse("--proxy", "p.example.com"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--account-type sip");
        assertThatThrownBy(() -> LaunchOptions.parse("--account-type", "sip", "--server", "example.com"))
                .hasMessageContaining("--proxy");
        assertThatThrownBy(() -> LaunchOptions.parse("--account-type", "sip", "--proxy", "p;transport=sctp"))
                .hasMessageContaining("--proxy: expected");
        // a SIP proxy over TLS presents a certificate too
        assertThat(LaunchOptions.check("--account-type", "sip", "--proxy", "p;transport=tls",
                "--trust-fingerprint", "ab".repeat(32))).isZero();
        assertThatThrownBy(() -> LaunchOptions.parse("--account-type", "irc"))
                .isInstanceOf(CommandLine.ParameterException.class);
        assertThat(LaunchOptions.check("--account-type", "sip", "--backup-proxy", "b;transport=udp")).isZero();
        assertThatThrownBy(() -> LaunchOptions.parse("--xcap-root", "http://x.example.com/xcap-root"))
                .hasMessageContaining("--account-type sip");
    }

    @Test
    void aScriptGivesTheXcapRootOfASipAccount() {
        SignInViewModel vm = viewModel(AppSettings.defaults());
        LaunchOptions options = LaunchOptions.parse("--account-type", "sip", "--user", "alice@example.com",
                "--password-env", "PW", "--proxy", "127.0.0.1:5070", "--xcap-root", "http://127.0.0.1:6000/xcap-root");

        LaunchedSignIn.apply(options, Map.of("PW", "secret"), vm);
        vm.signIn();

        assertThat(sipAccounts).singleElement().satisfies(a -> assertThat(a.xcapRootOrDefault())
                .isEqualTo(java.net.URI.create("http://127.0.0.1:6000/xcap-root")));
    }

    @Test
    void aScriptSignsInOverSip() {
        SignInViewModel vm = viewModel(AppSettings.defaults());
        LaunchOptions options = LaunchOptions.parse("--account-type", "sip", "--user", "alice@example.com",
                "--password-env", "PW", "--proxy", "127.0.0.1:5070;transport=tcp", "--backup-proxy", "127.0.0.1:5080",
                "--auto-sign-in");

        LaunchedSignIn.apply(options, Map.of("PW", "secret"), vm);
        vm.signIn();

        assertThat(xmppAccounts).isEmpty();
        assertThat(sipAccounts).singleElement().satisfies(a -> {
            assertThat(a.address().toString()).isEqualTo("alice@example.com");
            assertThat(a.password()).isEqualTo("secret");
            assertThat(a.primary()).isEqualTo(new SipProxy("127.0.0.1", 5070, SipTransport.TCP));
            assertThat(a.backupProxy()).contains(new SipProxy("127.0.0.1", 5080, SipTransport.UDP));
        });
        assertThat(signedIn).hasSize(1);
    }

    @Test
    void withoutProxyOptionsTheSavedProxiesGiveWayToTheDefaults() {
        AppSettings saved = AppSettings.defaults().withSipSignIn(new SipSignInSettings("bob@example.org", "bobby",
                "old.example.org", SipTransport.TCP, "older.example.org", SipTransport.TCP), false);
        SignInViewModel vm = viewModel(saved);

        LaunchedSignIn.apply(LaunchOptions.parse("--account-type", "sip", "--user", "alice@example.com",
                "--password-env", "PW"), Map.of("PW", "secret"), vm);
        vm.signIn();

        assertThat(sipAccounts).singleElement().satisfies(a -> {
            assertThat(a.primary()).isEqualTo(new SipProxy("example.com", 5060, SipTransport.UDP));
            assertThat(a.backupProxy()).isEmpty();
            assertThat(a.authUsername()).isEqualTo("alice");
        });
    }

    @Test
    void xmppLinesWithoutATypeStayXmppEvenAfterASipSignIn() {
        AppSettings saved = AppSettings.defaults().withSipSignIn(new SipSignInSettings("bob@example.org", "", "",
                SipTransport.UDP, "", SipTransport.UDP), false);
        SignInViewModel vm = viewModel(saved);
        assertThat(vm.accountTypeProperty().get()).isEqualTo(AccountType.SIP);

        LaunchedSignIn.apply(LaunchOptions.parse("--server", "localhost:5222", "--user", "alice@localhost",
                "--password-env", "PW"), Map.of("PW", "secret"), vm);
        vm.signIn();

        assertThat(vm.accountTypeProperty().get()).isEqualTo(AccountType.XMPP);
        assertThat(sipAccounts).isEmpty();
        assertThat(xmppAccounts).singleElement().satisfies(a -> assertThat(a.domain()).isEqualTo("localhost"));
    }

    @Test
    void noOptionsKeepTheTypeLastUsed() {
        AppSettings saved = AppSettings.defaults().withSipSignIn(new SipSignInSettings("bob@example.org", "", "",
                SipTransport.UDP, "", SipTransport.UDP), false);
        SignInViewModel vm = viewModel(saved);

        LaunchedSignIn.apply(LaunchOptions.NONE, Map.of(), vm);

        assertThat(vm.accountTypeProperty().get()).isEqualTo(AccountType.SIP);
        assertThat(vm.sipAddressProperty().get()).isEqualTo("bob@example.org");
    }
}
