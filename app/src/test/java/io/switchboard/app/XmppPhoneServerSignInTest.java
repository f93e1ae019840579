package io.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.app.settings.AppSettings;
import io.switchboard.app.settings.CallMode;
import io.switchboard.app.settings.FakeVault;
import io.switchboard.app.settings.PhoneServerSettings;
import io.switchboard.app.settings.PhoneSettings;
import io.switchboard.app.settings.SettingsModel;
import io.switchboard.app.signin.SessionFactory;
import io.switchboard.app.signin.SignInViewModel;
import io.switchboard.app.signin.SignedIn;
import io.switchboard.app.ui.DirectUi;
import io.switchboard.core.service.ClientSession;
import io.switchboard.core.service.ServiceException;
import io.switchboard.sip.client.SipPhoneLine;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.xmpp.XmppAccount;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * An XMPP account's phone server: {@code --phone-proxy} and the sign-in form's field, down to the
 * SIP account of the phone line (same user and password), what is remembered, and a line that
 * cannot start leaving the sign-in for IM with a notice.
 */
class XmppPhoneServerSignInTest {

    private final List<SipAccount> phoneLines = new ArrayList<>();
    private final List<SignedIn> signedIn = new ArrayList<>();

    private SignInViewModel viewModel(SettingsModel settings) {
        SessionFactory factory = new SessionFactory() {
            @Override
            public ClientSession create(XmppAccount account) {
                return new FakeClientSession(account.user());
            }

            @Override
            public SipPhoneLine phoneLine(SipAccount account) throws ServiceException {
                phoneLines.add(account);
                // the real line needs a SIP stack; its failure is the path this test can see end to end
                throw new ServiceException("no local port");
            }
        };
        return new SignInViewModel(factory, settings, new FakeVault(), new DirectUi(), signedIn::add);
    }

    @Test
    void thePhoneProxyIsParsedForXmppAndRefusedForSip() {
        LaunchOptions options = LaunchOptions.parse("--server", "127.0.0.1:5222", "--user", "alice@localhost",
                "--phone-proxy", "127.0.0.1:5070;transport=tcp", "--desk-line", "1001");

        assertThat(options.phoneProxy()).contains(new LaunchOptions.ProxyOption("127.0.0.1:5070", SipTransport.TCP));
        assertThatThrownBy(() -> LaunchOptions.parse("--account-type", "sip", "--phone-proxy", "127.0.0.1"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--proxy");
        assertThatThrownBy(() -> LaunchOptions.parse("--phone-proxy", "p;transport=sctp"))
                .hasMessageContaining("--phone-proxy: expected");
    }

    @Test
    void aScriptSignsInOverXmppWithThePhoneLineOfTheSameUser() {
        AtomicReference<AppSettings> saved = new AtomicReference<>(AppSettings.defaults());
        SettingsModel settings = new SettingsModel(saved.get(), saved::set);
        SignInViewModel vm = viewModel(settings);

        LaunchedSignIn.apply(LaunchOptions.parse("--server", "127.0.0.1:5222", "--user", "alice@localhost",
                "--password-env", "PW", "--phone-proxy", "127.0.0.1:5070", "--desk-line", "1001"),
                Map.of("PW", "secret"), vm);
        vm.signIn();

        assertThat(phoneLines).singleElement().satisfies(a -> {
            assertThat(a.address().toString()).isEqualTo("alice@localhost");
            assertThat(a.password()).isEqualTo("secret");
            assertThat(a.primary()).isEqualTo(new SipProxy("127.0.0.1", 5070, SipTransport.UDP));
        });
        assertThat(signedIn).singleElement().satisfies(s -> {
            assertThat(s.phoneLine()).isEmpty();
            assertThat(s.notice()).contains("Calls are unavailable: no local port");
        });
        assertThat(settings.get().phoneServer()).isEqualTo(new PhoneServerSettings("127.0.0.1:5070", SipTransport.UDP));
        assertThat(settings.get().phone()).isEqualTo(PhoneSettings.deskPhone("1001"));
    }

    @Test
    void theFormChecksThePhoneServerAndTheDeskLineAndRemembersThem() {
        AppSettings before = AppSettings.defaults()
                .withSignIn("", "bob@localhost", false, new PhoneServerSettings("sip.example.com", SipTransport.TLS));
        SignInViewModel vm = viewModel(new SettingsModel(before, s -> { }));
        assertThat(vm.phoneServerProperty().get()).isEqualTo("sip.example.com");
        assertThat(vm.phoneServerTransportProperty().get()).isEqualTo(SipTransport.TLS);
        vm.passwordProperty().set("secret");
        assertThat(vm.validationMessage().get()).isEmpty();

        vm.phoneServerProperty().set("sip.example.com:99999");
        assertThat(vm.validationMessage().get()).contains("phone server");

        vm.phoneServerProperty().set("sip.example.com");
        vm.callModeProperty().set(CallMode.DESK_PHONE);
        vm.deskLineProperty().set("");
        assertThat(vm.validationMessage().get()).isEqualTo("Enter your desk phone's line, like 1001.");

        // without a phone server there is no phone, so no desk line to check
        vm.phoneServerProperty().set("");
        assertThat(vm.validationMessage().get()).isEmpty();
        vm.signIn();
        assertThat(phoneLines).isEmpty();
        assertThat(signedIn).singleElement().satisfies(s -> assertThat(s.notice()).isEmpty());
    }
}
