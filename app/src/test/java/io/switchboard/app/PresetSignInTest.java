package io.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.app.preset.PresetKey;
import io.switchboard.app.preset.SystemPreset;
import io.switchboard.app.preset.SystemPresetParser;
import io.switchboard.app.settings.AccountType;
import io.switchboard.app.settings.AppSettings;
import io.switchboard.app.settings.CallMode;
import io.switchboard.app.settings.FakeVault;
import io.switchboard.app.settings.SettingsModel;
import io.switchboard.app.settings.SipSignInSettings;
import io.switchboard.app.signin.SessionFactory;
import io.switchboard.app.signin.SignInViewModel;
import io.switchboard.app.ui.DirectUi;
import io.switchboard.core.service.ClientSession;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.xmpp.CertificateTrust;
import io.switchboard.xmpp.XmppAccount;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * ADR 0031's order, through the real sign-in form: locked preset over the command line over the
 * user's settings over the unlocked preset over the built-in defaults.
 */
class PresetSignInTest {

    private static final String FINGERPRINT = "ab".repeat(32);
    private final List<XmppAccount> xmppAccounts = new ArrayList<>();
    private final List<SipAccount> sipAccounts = new ArrayList<>();

    private static SystemPreset preset(String text) {
        SystemPresetParser.Result result = SystemPresetParser.parse(text, "test");
        assertThat(result.warnings()).isEmpty();
        return result.preset();
    }

    /** The sign-in window as the composition root opens it at start-up. */
    private SignInViewModel open(SystemPreset preset, AppSettings saved, String... commandLine) {
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
        SignInViewModel form = new SignInViewModel(factory, new SettingsModel(saved, s -> { }), new FakeVault(),
                new DirectUi(), signedIn -> { });
        LaunchOptions options = LaunchOptions.parse(commandLine);
        PresetSignIn.applyDefaults(preset, saved, form);
        LaunchedSignIn.apply(options, Map.of("PW", "secret"), form);
        PresetSignIn.applyLocks(preset, options, form);
        return form;
    }

    private static AppSettings signedInBefore(String server, String user) {
        return AppSettings.defaults().withSignIn(server, user, false);
    }

    @Test
    void anUnlockedPresetFillsTheFormOfANewUser() {
        SignInViewModel form = open(preset("server=chat.example.com:5222\ncall-mode=desk-phone\ndesk-line=1001\n"),
                AppSettings.defaults());

        assertThat(form.serverProperty().get()).isEqualTo("chat.example.com:5222");
        assertThat(form.callModeProperty().get()).isEqualTo(CallMode.DESK_PHONE);
        assertThat(form.deskLineProperty().get()).isEqualTo("1001");
        assertThat(form.isLocked(PresetKey.SERVER)).isFalse();
        assertThat(form.hasLockedFields()).isFalse();
    }

    @Test
    void theUsersSettingsBeatAnUnlockedPreset() {
        SignInViewModel form = open(preset("server=chat.example.com:5222\n"),
                signedInBefore("other.example.com", "alice@other.example.com"));

        assertThat(form.serverProperty().get()).isEqualTo("other.example.com");
        form.serverProperty().set("mine.example.com");
        assertThat(form.serverProperty().get()).isEqualTo("mine.example.com");
    }

    @Test
    void theCommandLineBeatsTheUsersSettingsAndAnUnlockedPreset() {
        SignInViewModel form = open(preset("server=chat.example.com:5222\n"),
                signedInBefore("other.example.com", "alice@other.example.com"), "--server", "cli.example.com");

        assertThat(form.serverProperty().get()).isEqualTo("cli.example.com");
    }

    @Test
    void aLockedPresetBeatsTheCommandLineAndTheSettingsAndStays() {
        SignInViewModel form = open(preset("server=chat.example.com:5222\naccount-type=xmpp\n"
                        + "locked=server,account-type\n"),
                signedInBefore("other.example.com", "alice@other.example.com"), "--server", "cli.example.com");

        assertThat(form.serverProperty().get()).isEqualTo("chat.example.com:5222");
        assertThat(form.isLocked(PresetKey.SERVER)).isTrue();
        assertThat(form.isLocked(PresetKey.ACCOUNT_TYPE)).isTrue();
        form.serverProperty().set("typed.example.com");
        form.accountTypeProperty().set(AccountType.SIP);
        assertThat(form.serverProperty().get()).isEqualTo("chat.example.com:5222");
        assertThat(form.accountTypeProperty().get()).isEqualTo(AccountType.XMPP);
    }

    @Test
    void lockedSipValuesBeatTheSavedAccount() {
        AppSettings saved = AppSettings.defaults().withSipSignIn(new SipSignInSettings("alice@example.com", "",
                "old.example.com", SipTransport.UDP, "", SipTransport.UDP), false);
        SignInViewModel form = open(preset("account-type=sip\nsip.proxy=sip.example.com:5070;transport=tcp\n"
                + "call-mode=softphone\nlocked=account-type,sip.proxy,call-mode\n"), saved,
                "--account-type", "sip", "--desk-line", "1001");

        assertThat(form.sipProxyProperty().get()).isEqualTo("sip.example.com:5070");
        assertThat(form.sipProxyTransportProperty().get()).isEqualTo(SipTransport.TCP);
        assertThat(form.callModeProperty().get()).isEqualTo(CallMode.SOFTPHONE);
        assertThat(PresetSignIn.conflicts(preset("account-type=sip\nsip.proxy=sip.example.com\ncall-mode=softphone\n"
                        + "locked=sip.proxy,call-mode\n"),
                LaunchOptions.parse("--account-type", "sip", "--proxy", "p.example.com", "--desk-line", "1001")))
                .containsExactly("--proxy", "--desk-line");
    }

    @Test
    void theDomainCompletesABareUserNameAndWhenLockedIsTheOnlyOne() {
        SignInViewModel form = open(preset("domain=example.com\nserver=127.0.0.1:5222\nlocked=domain\n"),
                AppSettings.defaults());
        form.userProperty().set("alice");
        form.passwordProperty().set("secret");
        assertThat(form.validationMessage().get()).isEmpty();
        form.userProperty().set("alice@elsewhere.example.com");
        assertThat(form.validationMessage().get()).contains("must be at example.com");

        form.userProperty().set("alice");
        form.signIn();
        assertThat(xmppAccounts).singleElement().satisfies(a ->
                assertThat(a.user().toString()).isEqualTo("alice@example.com"));
    }

    @Test
    void thePresetCertificateIsTrustedForThePresetServerAndWhenLockedNoOtherCan() {
        SignInViewModel form = open(preset("server=127.0.0.1:5222\ntrust-fingerprint=" + FINGERPRINT
                + "\nlocked=trust-fingerprint\n"), AppSettings.defaults());
        form.userProperty().set("alice@example.com");
        form.passwordProperty().set("secret");

        form.signIn();

        assertThat(xmppAccounts).singleElement().satisfies(a ->
                assertThat(a.trust()).isEqualTo(CertificateTrust.pinned(FINGERPRINT)));
        assertThat(form.canTrustCertificates()).isFalse();
        assertThat(open(SystemPreset.NONE, AppSettings.defaults()).canTrustCertificates()).isTrue();
    }

    @Test
    void anUnlockedCertificateIsOnlyForThePresetServer() {
        SignInViewModel form = open(preset("server=127.0.0.1:5222\ntrust-fingerprint=" + FINGERPRINT + "\n"),
                AppSettings.defaults());
        form.serverProperty().set("127.0.0.1:6222");
        form.userProperty().set("alice@example.com");
        form.passwordProperty().set("secret");

        form.signIn();

        assertThat(xmppAccounts).singleElement().satisfies(a ->
                assertThat(a.trust()).isEqualTo(CertificateTrust.system()));
    }
}
