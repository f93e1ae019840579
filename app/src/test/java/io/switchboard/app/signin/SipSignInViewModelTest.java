package io.switchboard.app.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.switchboard.app.FakeClientSession;
import io.switchboard.app.settings.AccountType;
import io.switchboard.app.settings.AppSettings;
import io.switchboard.app.settings.FakeVault;
import io.switchboard.app.settings.SettingsModel;
import io.switchboard.app.settings.SipSignInSettings;
import io.switchboard.app.ui.DirectUi;
import io.switchboard.core.model.Address;
import io.switchboard.core.service.ClientSession;
import io.switchboard.core.service.ServiceException;
import io.switchboard.core.service.SignInException;
import io.switchboard.core.service.SignInException.Reason;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.xmpp.XmppAccount;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SIP/SIMPLE branch of the sign-in form: validation, the account it builds, failures, settings, vault. */
class SipSignInViewModelTest {

    private final DirectUi ui = new DirectUi();
    private final FakeVault vault = new FakeVault();
    private final List<AppSettings> saved = new ArrayList<>();
    private final SettingsModel settings = new SettingsModel(AppSettings.defaults(), saved::add);
    private final List<SipAccount> sipAccounts = new ArrayList<>();
    private final List<XmppAccount> xmppAccounts = new ArrayList<>();
    private final Deque<FakeClientSession> nextSessions = new ArrayDeque<>();
    private final List<FakeClientSession> created = new ArrayList<>();
    private final List<SignedIn> signedIn = new ArrayList<>();

    /** A factory for both types, as production's: records what it was asked for. */
    private final SessionFactory factory = new SessionFactory() {
        @Override
        public ClientSession create(XmppAccount account) {
            xmppAccounts.add(account);
            return session(account.user());
        }

        @Override
        public ClientSession create(SipAccount account) {
            sipAccounts.add(account);
            return session(account.address());
        }
    };

    private FakeClientSession session(Address self) {
        FakeClientSession session = nextSessions.isEmpty() ? new FakeClientSession(self) : nextSessions.poll();
        created.add(session);
        return session;
    }

    private SignInViewModel viewModel() {
        return viewModel(settings);
    }

    private SignInViewModel viewModel(SettingsModel withSettings) {
        return new SignInViewModel(factory, withSettings, vault, ui, signedIn::add);
    }

    private static SignInViewModel sip(SignInViewModel vm, String address, String password) {
        vm.accountTypeProperty().set(AccountType.SIP);
        vm.sipAddressProperty().set(address);
        vm.passwordProperty().set(password);
        return vm;
    }

    @Test
    void theFormStartsAsXmppAndTheXmppFieldsDoNotCountForSip() {
        SignInViewModel vm = viewModel();
        assertThat(vm.accountTypeProperty().get()).isEqualTo(AccountType.XMPP);
        vm.userProperty().set("alice@example.com");
        vm.passwordProperty().set("secret");
        assertThat(vm.canSignIn().get()).isTrue();

        vm.accountTypeProperty().set(AccountType.SIP);

        assertThat(vm.canSignIn().get()).isFalse();
        assertThat(vm.validationMessage().get()).isEqualTo("Enter your SIP address, like alice@example.com.");
    }

    @Test
    void sipNeedsAFullAddressAndAPassword() {
        SignInViewModel vm = sip(viewModel(), "alice@example.com", "");
        assertThat(vm.validationMessage().get()).isEqualTo("Enter your password.");

        vm.passwordProperty().set("secret");
        vm.sipAddressProperty().set("alice");
        assertThat(vm.canSignIn().get()).isFalse();
        assertThat(vm.validationMessage().get()).contains("full SIP address");

        vm.sipAddressProperty().set("alice@exa mple.com");
        assertThat(vm.validationMessage().get()).startsWith("Your SIP address is not valid");

        vm.sipAddressProperty().set("sip:alice@example.com");
        assertThat(vm.canSignIn().get()).isTrue();
        assertThat(vm.validationMessage().get()).isEmpty();
    }

    @Test
    void withoutProxyTheDomainOnPort5060OverUdpIsUsedAndTheAuthUserIsTheUserPart() {
        SignInViewModel vm = sip(viewModel(), "Alice@Example.com", "secret");
        vm.signIn();

        assertThat(xmppAccounts).isEmpty();
        assertThat(sipAccounts).singleElement().satisfies(a -> {
            assertThat(a.address()).isEqualTo(Address.parse("alice@example.com"));
            assertThat(a.primary()).isEqualTo(new SipProxy("example.com", 5060, SipTransport.UDP));
            assertThat(a.backupProxy()).isEmpty();
            assertThat(a.authUsername()).isEqualTo("alice");
            assertThat(a.password()).isEqualTo("secret");
        });
    }

    @Test
    void explicitProxiesTransportsAndAuthUserAreTaken() {
        SignInViewModel vm = sip(viewModel(), "alice@example.com", "secret");
        vm.sipAuthUserProperty().set(" a.smith ");
        vm.sipProxyProperty().set("Proxy1.Example.com:5070");
        vm.sipProxyTransportProperty().set(SipTransport.TCP);
        vm.sipBackupProxyProperty().set("[::1]");
        vm.sipBackupTransportProperty().set(SipTransport.UDP);
        vm.signIn();

        assertThat(sipAccounts).singleElement().satisfies(a -> {
            assertThat(a.primary()).isEqualTo(new SipProxy("proxy1.example.com", 5070, SipTransport.TCP));
            assertThat(a.backupProxy()).contains(new SipProxy("::1", 5060, SipTransport.UDP));
            assertThat(a.authUsername()).isEqualTo("a.smith");
        });
    }

    @Test
    void theXcapRootIsOptionalAndTakenWhenGiven() {
        SignInViewModel vm = sip(viewModel(), "alice@example.com", "secret");
        vm.sipProxyProperty().set("proxy.example.com");
        vm.signIn();
        SignInViewModel again = sip(viewModel(), "alice@example.com", "secret");
        again.sipXcapRootProperty().set(" https://xcap.example.com/root ");
        again.signIn();

        assertThat(sipAccounts).hasSize(2);
        assertThat(sipAccounts.get(0).xcapRootOrDefault())
                .isEqualTo(java.net.URI.create("http://proxy.example.com:5062/xcap-root"));
        assertThat(sipAccounts.get(1).xcapRootOrDefault()).isEqualTo(java.net.URI.create("https://xcap.example.com/root"));
        assertThat(settings.get().sip().xcapRoot()).isEqualTo("https://xcap.example.com/root");
    }

    @ParameterizedTest
    @CsvSource({"xcap.example.com", "sip:alice@example.com", "http://", "http://exa mple.com/"})
    void aBadXcapRootIsExplained(String root) {
        SignInViewModel vm = sip(viewModel(), "alice@example.com", "secret");
        vm.sipXcapRootProperty().set(root);

        assertThat(vm.canSignIn().get()).isFalse();
        assertThat(vm.validationMessage().get()).contains("XCAP root must be a web address");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "proxy:0         |               | port of the primary proxy must be a number from 1 to 65535",
            "proxy:x         |               | port of the primary proxy",
            "sip:proxy       |               | primary proxy is not valid",
            "a b             |               | primary proxy is not valid",
            "proxy           | b@ckup        | backup proxy is not valid",
            "[::1            |               | needs a closing ']'",
            "proxy           | proxy:5060    | backup proxy is the same as the primary proxy",
            "                | example.com   | backup proxy is the same as the primary proxy"})
    void badProxiesAreExplained(String primary, String backup, String expected) {
        SignInViewModel vm = sip(viewModel(), "alice@example.com", "secret");
        vm.sipProxyProperty().set(primary == null ? "" : primary);
        vm.sipBackupProxyProperty().set(backup == null ? "" : backup);

        assertThat(vm.canSignIn().get()).isFalse();
        assertThat(vm.validationMessage().get()).contains(expected);
        vm.signIn();
        assertThat(sipAccounts).isEmpty();
    }

    @Test
    void anAuthUserWithSpacesIsRefused() {
        SignInViewModel vm = sip(viewModel(), "alice@example.com", "secret");
        vm.sipAuthUserProperty().set("a smith");
        assertThat(vm.validationMessage().get()).contains("authentication user name must not contain spaces");
    }

    @Test
    void anUntrustedTlsProxyCertificateIsTrustedByTheUsersChoiceAndRememberedForThatProxy() {
        String fingerprint = "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";
        nextSessions.add(new FakeClientSession(Address.parse("alice@example.com"))
                .failingWith(new SignInException(Reason.CERTIFICATE_UNTRUSTED, "untrusted", fingerprint, null)));
        SignInViewModel vm = sip(viewModel(), "alice@example.com", "secret");
        vm.sipProxyProperty().set("Sip.Example.com");
        vm.sipProxyTransportProperty().set(SipTransport.TLS);
        vm.signIn();

        assertThat(vm.untrustedFingerprintProperty().get()).isEqualTo(fingerprint);
        assertThat(sipAccounts.get(0).primary().port()).as("TLS's default port").isEqualTo(5061);
        assertThat(sipAccounts.get(0).tlsTrust().trustedFingerprints()).isEmpty();

        vm.trustCertificateAndRetry();

        assertThat(settings.get().trustedCertificates()).containsEntry("sip:sip.example.com:5061", fingerprint);
        assertThat(sipAccounts).hasSize(2);
        assertThat(sipAccounts.get(1).tlsTrust().trusts(fingerprint)).isTrue();
        assertThat(signedIn).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "BAD_CREDENTIALS       | Wrong user name or password. Check your SIP address, password and, if your administrator gave you one, the authentication user name.",
            "UNREACHABLE           | Cannot reach the SIP proxy p1.example.com:5060/UDP or the backup proxy p2.example.com:5061/TCP. Check the proxy address, the transport (UDP, TCP or TLS)",
            "POLICY_VIOLATION      | The SIP server refused the sign-in: detail",
            "PROTOCOL_ERROR        | The SIP server answered in a way Switchboard does not understand: detail",
            "TLS_FAILURE           | could not be set up: detail",
            "CERTIFICATE_UNTRUSTED | is not trusted. Trust it only if its SHA-256 fingerprint below matches"})
    void everySipFailureReasonHasItsMessage(Reason reason, String expected) {
        nextSessions.add(new FakeClientSession(Address.parse("alice@example.com"))
                .failingWith(new SignInException(reason, "detail", null)));
        SignInViewModel vm = sip(viewModel(), "alice@example.com", "secret");
        vm.sipProxyProperty().set("p1.example.com");
        vm.sipBackupProxyProperty().set("p2.example.com:5061");
        vm.sipBackupTransportProperty().set(SipTransport.TCP);
        vm.signIn();

        assertThat(vm.errorMessageProperty().get()).contains(expected);
        assertThat(vm.untrustedFingerprintProperty().get()).isEmpty();
        assertThat(vm.signingInProperty().get()).isFalse();
        assertThat(vm.canSignIn().get()).isTrue();
        assertThat(created.get(0).closed).isTrue();
        assertThat(signedIn).isEmpty();
        assertThat(settings.get().accountType()).isEqualTo(AccountType.XMPP);   // only success is remembered
    }

    @Test
    void aSessionThatCannotBeMadeIsReported() {
        SignInViewModel vm = new SignInViewModel(new SessionFactory() {
            @Override
            public ClientSession create(XmppAccount account) {
                throw new AssertionError("not XMPP");
            }

            @Override
            public ClientSession create(SipAccount account) throws ServiceException {
                throw new ServiceException("SIP could not be started on this computer: no free port");
            }
        }, settings, vault, ui, signedIn::add);
        sip(vm, "alice@example.com", "secret").signIn();

        assertThat(vm.errorMessageProperty().get())
                .isEqualTo("Signing in failed: SIP could not be started on this computer: no free port");
        assertThat(vm.signingInProperty().get()).isFalse();
    }

    @Test
    void aFactoryWithoutSipSaysSo() {
        SignInViewModel vm = new SignInViewModel(account -> new FakeClientSession(account.user()), settings, vault, ui,
                signedIn::add);
        sip(vm, "alice@example.com", "secret").signIn();

        assertThat(vm.errorMessageProperty().get()).contains("SIP accounts are not available");
    }

    @Test
    void successRemembersTypeAndSipFieldsButNeverThePassword() {
        SignInViewModel vm = sip(viewModel(), " alice@example.com ", "secret");
        vm.sipAuthUserProperty().set("asmith");
        vm.sipProxyProperty().set("proxy.example.com:5070");
        vm.sipProxyTransportProperty().set(SipTransport.TCP);
        vm.sipBackupProxyProperty().set("backup.example.com");
        vm.signIn();

        assertThat(signedIn).singleElement().satisfies(s -> assertThat(s.session()).isSameAs(created.get(0)));
        assertThat(vm.passwordProperty().get()).isEmpty();
        assertThat(settings.get().accountType()).isEqualTo(AccountType.SIP);
        assertThat(settings.get().sip()).isEqualTo(new SipSignInSettings("alice@example.com", "asmith",
                "proxy.example.com:5070", SipTransport.TCP, "backup.example.com", SipTransport.UDP));
        assertThat(saved).isNotEmpty().allSatisfy(s -> assertThat(s.toString()).doesNotContain("secret"));
    }

    @Test
    void theRememberedTypeAndSipFieldsFillTheForm() {
        SipSignInSettings sipFields = new SipSignInSettings("alice@example.com", "asmith", "proxy.example.com",
                SipTransport.TCP, "backup.example.com:5062", SipTransport.TCP);
        SignInViewModel vm = viewModel(new SettingsModel(
                AppSettings.defaults().withSipSignIn(sipFields, false), s -> { }));

        assertThat(vm.accountTypeProperty().get()).isEqualTo(AccountType.SIP);
        assertThat(vm.sipAddressProperty().get()).isEqualTo("alice@example.com");
        assertThat(vm.sipAuthUserProperty().get()).isEqualTo("asmith");
        assertThat(vm.sipProxyProperty().get()).isEqualTo("proxy.example.com");
        assertThat(vm.sipProxyTransportProperty().get()).isEqualTo(SipTransport.TCP);
        assertThat(vm.sipBackupProxyProperty().get()).isEqualTo("backup.example.com:5062");
        assertThat(vm.sipBackupTransportProperty().get()).isEqualTo(SipTransport.TCP);
    }

    @Test
    void anXmppSignInAfterASipOneKeepsTheSipFieldsForLater() {
        SignInViewModel vm = sip(viewModel(), "alice@example.com", "secret");
        vm.signIn();
        vm.accountTypeProperty().set(AccountType.XMPP);
        vm.userProperty().set("bob@example.org");
        vm.passwordProperty().set("pw");
        vm.signIn();

        assertThat(xmppAccounts).hasSize(1);
        assertThat(settings.get().accountType()).isEqualTo(AccountType.XMPP);
        assertThat(settings.get().lastUser()).isEqualTo("bob@example.org");
        assertThat(settings.get().sip().address()).isEqualTo("alice@example.com");
    }

    @Test
    void rememberMeKeepsTheSipPasswordApartFromAnXmppOneAtTheSameAddress() {
        vault.stored.put("alice@example.com", "xmpp-password");
        SignInViewModel vm = sip(viewModel(), "alice@example.com", "sip-password");
        vm.rememberMeProperty().set(true);
        vm.signIn();

        assertThat(vault.stored).containsExactlyInAnyOrderEntriesOf(Map.of(
                "alice@example.com", "xmpp-password", "sip:alice@example.com", "sip-password"));
        assertThat(settings.get().rememberMe()).isTrue();
    }

    @Test
    void withoutRememberMeTheStoredSipPasswordIsForgotten() {
        vault.stored.put("sip:alice@example.com", "old");
        SignInViewModel vm = sip(viewModel(), "alice@example.com", "secret");
        vm.rememberMeProperty().set(false);
        vm.signIn();

        assertThat(vault.stored).isEmpty();
    }

    @Test
    void aRememberedSipPasswordIsFilledIn() {
        vault.stored.put("sip:alice@example.com", "sip-password");
        vault.stored.put("alice@example.com", "xmpp-password");
        SignInViewModel vm = viewModel(new SettingsModel(AppSettings.defaults().withSipSignIn(
                new SipSignInSettings("alice@example.com", "", "", SipTransport.UDP, "", SipTransport.UDP), true),
                s -> { }));

        vm.loadRememberedPassword();

        assertThat(vm.passwordProperty().get()).isEqualTo("sip-password");
        assertThat(vm.canSignIn().get()).isTrue();
    }

    @Test
    void changingASipFieldOrTheTypeClearsAnOldFailure() {
        nextSessions.add(new FakeClientSession(Address.parse("alice@example.com"))
                .failingWith(new SignInException(Reason.UNREACHABLE, "down", null)));
        SignInViewModel vm = sip(viewModel(), "alice@example.com", "secret");
        vm.signIn();
        assertThat(vm.errorMessageProperty().get()).isNotEmpty();

        vm.sipProxyTransportProperty().set(SipTransport.TCP);
        assertThat(vm.errorMessageProperty().get()).isEmpty();

        vm.signIn();   // the next session signs in
        vm.accountTypeProperty().set(AccountType.XMPP);
        assertThat(vm.errorMessageProperty().get()).isEmpty();
    }

    @Test
    void sipMessagesCoverEveryReason() {
        for (Reason reason : Reason.values()) {
            assertThat(SipAccountForm.messageFor(new SignInException(reason, "x", null), "p")).isNotBlank();
        }
    }

    @Test
    void proxyFieldForms() {
        assertThat(SipProxyAddress.parse(" sip.example.com ", SipTransport.UDP, "proxy"))
                .isEqualTo(new SipProxy("sip.example.com", 5060, SipTransport.UDP));
        assertThat(SipProxyAddress.parse("127.0.0.1:5080", SipTransport.TCP, "proxy"))
                .isEqualTo(new SipProxy("127.0.0.1", 5080, SipTransport.TCP));
        assertThat(SipProxyAddress.parse("[2001:db8::1]:5070", SipTransport.UDP, "proxy"))
                .isEqualTo(new SipProxy("2001:db8::1", 5070, SipTransport.UDP));
        assertThatIllegalArgumentException().isThrownBy(() -> SipProxyAddress.parse("", SipTransport.UDP, "proxy"))
                .withMessage("Enter the proxy.");
        assertThatIllegalArgumentException().isThrownBy(() -> SipProxyAddress.parse(":5060", SipTransport.UDP, "proxy"))
                .withMessageContaining("Enter a host name");
        assertThatIllegalArgumentException().isThrownBy(() -> SipProxyAddress.parse("2001:db8::1", SipTransport.UDP, "proxy"))
                .withMessageContaining("in brackets");
    }
}
