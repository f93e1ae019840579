package io.switchboard.app.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.switchboard.app.FakeClientSession;
import io.switchboard.app.settings.AppSettings;
import io.switchboard.app.settings.CredentialVaultException;
import io.switchboard.app.settings.FakeVault;
import io.switchboard.app.settings.NoCredentialVault;
import io.switchboard.app.settings.SettingsModel;
import io.switchboard.app.ui.DirectUi;
import io.switchboard.core.model.Address;
import io.switchboard.core.service.SignInException;
import io.switchboard.core.service.SignInException.Reason;
import io.switchboard.xmpp.CertificateTrust;
import io.switchboard.xmpp.ServerEndpoint;
import io.switchboard.xmpp.XmppAccount;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignInViewModelTest {

    private static final String FINGERPRINT = "AB:".repeat(31) + "AB";

    private final DirectUi ui = new DirectUi();
    private final FakeVault vault = new FakeVault();
    private final List<AppSettings> saved = new ArrayList<>();
    private final SettingsModel settings = new SettingsModel(AppSettings.defaults(), saved::add);
    private final List<XmppAccount> accounts = new ArrayList<>();
    private final Deque<FakeClientSession> nextSessions = new ArrayDeque<>();
    private final List<FakeClientSession> created = new ArrayList<>();
    private final List<SignedIn> signedIn = new ArrayList<>();

    private SignInViewModel viewModel() {
        return viewModel(settings);
    }

    private SignInViewModel viewModel(SettingsModel withSettings) {
        SessionFactory factory = account -> {
            accounts.add(account);
            FakeClientSession session = nextSessions.isEmpty() ? new FakeClientSession(account.user()) : nextSessions.poll();
            created.add(session);
            return session;
        };
        return new SignInViewModel(factory, withSettings, vault, ui, signedIn::add);
    }

    private static FakeClientSession failing(Reason reason, String message, String fingerprint) {
        return new FakeClientSession(Address.parse("alice@example.com"))
                .failingWith(new SignInException(reason, message, fingerprint, null));
    }

    private static void fill(SignInViewModel vm, String server, String user, String password) {
        vm.serverProperty().set(server);
        vm.userProperty().set(user);
        vm.passwordProperty().set(password);
    }

    @Test
    void signInIsPossibleOnlyWithAddressAndPassword() {
        SignInViewModel vm = viewModel();
        assertThat(vm.canSignIn().get()).isFalse();
        assertThat(vm.validationMessage().get()).contains("address");

        vm.userProperty().set("alice@example.com");
        assertThat(vm.canSignIn().get()).isFalse();
        assertThat(vm.validationMessage().get()).contains("password");

        vm.passwordProperty().set("secret");
        assertThat(vm.canSignIn().get()).isTrue();
        assertThat(vm.validationMessage().get()).isEmpty();

        vm.serverProperty().set("localhost:99999");
        assertThat(vm.canSignIn().get()).isFalse();
        assertThat(vm.validationMessage().get()).contains("port");
    }

    @Test
    void aUserNameWithoutDomainNeedsAServerDomain() {
        SignInViewModel vm = viewModel();
        fill(vm, "", "alice", "secret");
        assertThat(vm.canSignIn().get()).isFalse();
        assertThat(vm.validationMessage().get()).contains("full address");

        vm.serverProperty().set("example.com");
        assertThat(vm.canSignIn().get()).isTrue();
        vm.signIn();

        assertThat(accounts).singleElement().satisfies(a -> {
            assertThat(a.user()).isEqualTo(Address.parse("alice@example.com"));
            assertThat(a.server()).isEmpty();   // found through DNS SRV
        });
    }

    @Test
    void hostAndPortReplaceTheDnsLookup() {
        SignInViewModel vm = viewModel();
        fill(vm, "127.0.0.1:5222", "alice@localhost", "secret");
        vm.signIn();

        assertThat(accounts).singleElement().satisfies(a -> {
            assertThat(a.server()).contains(new ServerEndpoint("127.0.0.1", 5222));
            assertThat(a.domain()).isEqualTo("localhost");
            assertThat(new String(a.password())).isEqualTo("secret");
            assertThat(a.trust()).isEqualTo(CertificateTrust.system());
        });
    }

    @Test
    void successHandsTheSessionOnAndRemembersServerAndUser() {
        SignInViewModel vm = viewModel();
        fill(vm, "localhost:5222", "alice@localhost", "secret");
        vm.signIn();

        assertThat(signedIn).singleElement().satisfies(s -> {
            assertThat(s.session()).isSameAs(created.get(0));
            assertThat(s.notice()).isEmpty();
        });
        assertThat(created.get(0).closed).isFalse();
        assertThat(vm.signingInProperty().get()).isFalse();
        assertThat(vm.passwordProperty().get()).isEmpty();
        assertThat(settings.get().lastServer()).isEqualTo("localhost:5222");
        assertThat(settings.get().lastUser()).isEqualTo("alice@localhost");
        assertThat(saved).isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "BAD_CREDENTIALS, Wrong user name or password",
            "UNREACHABLE, Cannot reach the server example.com. Check the server address",
            "CERTIFICATE_UNTRUSTED, certificate of example.com is not trusted",
            "TLS_FAILURE, secure connection to example.com could not be set up: detail",
            "POLICY_VIOLATION, server refused the sign-in: detail",
            "PROTOCOL_ERROR, does not understand: detail"})
    void everyFailureReasonHasItsMessage(Reason reason, String expected) {
        nextSessions.add(failing(reason, "detail", null));
        SignInViewModel vm = viewModel();
        fill(vm, "", "alice@example.com", "secret");
        vm.signIn();

        assertThat(vm.errorMessageProperty().get()).contains(expected);
        assertThat(vm.signingInProperty().get()).isFalse();
        assertThat(vm.canSignIn().get()).isTrue();   // the user can try again
        assertThat(vm.untrustedFingerprintProperty().get()).isEmpty();
        assertThat(created.get(0).closed).isTrue();
        assertThat(signedIn).isEmpty();
    }

    @Test
    void everyReasonIsCovered() {
        for (Reason reason : Reason.values()) {
            assertThat(SignInViewModel.messageFor(new SignInException(reason, "x", null), "s")).isNotBlank();
        }
    }

    @Test
    void anUnexpectedFailureIsShownToo() {
        SignInViewModel vm = new SignInViewModel(account -> {
            throw new IllegalStateException("no sockets today");
        }, settings, vault, ui, signedIn::add);
        fill(vm, "", "alice@example.com", "secret");
        vm.signIn();

        assertThat(vm.errorMessageProperty().get()).isEqualTo("Signing in failed: no sockets today");
    }

    @Test
    void anUntrustedCertificateIsTrustedOnlyByTheUsersChoiceAndRememberedForThatServer() {
        nextSessions.add(failing(Reason.CERTIFICATE_UNTRUSTED, "untrusted", FINGERPRINT));
        SignInViewModel vm = viewModel();
        fill(vm, "Chat.Example.com:5223", "alice@example.com", "secret");
        vm.signIn();

        assertThat(vm.untrustedFingerprintProperty().get()).isEqualTo(FINGERPRINT);
        assertThat(settings.get().trustedCertificates()).isEmpty();
        assertThat(signedIn).isEmpty();

        vm.trustCertificateAndRetry();

        assertThat(settings.get().trustedCertificates()).containsExactly(Map.entry("chat.example.com:5223", FINGERPRINT));
        assertThat(accounts).hasSize(2);
        assertThat(accounts.get(0).trust()).isEqualTo(CertificateTrust.system());
        assertThat(accounts.get(1).trust()).isEqualTo(CertificateTrust.pinned(FINGERPRINT));
        assertThat(signedIn).hasSize(1);
        assertThat(vm.untrustedFingerprintProperty().get()).isEmpty();
        assertThat(vm.errorMessageProperty().get()).isEmpty();
    }

    @Test
    void aCertificateTrustedEarlierIsPinnedForThatServerOnly() {
        SettingsModel trusting = new SettingsModel(
                AppSettings.defaults().withTrustedCertificate("example.com", FINGERPRINT), s -> { });
        SignInViewModel vm = viewModel(trusting);
        fill(vm, "", "alice@example.com", "secret");
        vm.signIn();
        fill(vm, "", "bob@other.org", "secret");
        vm.signIn();

        assertThat(accounts.get(0).trust()).isEqualTo(CertificateTrust.pinned(FINGERPRINT));
        assertThat(accounts.get(1).trust()).isEqualTo(CertificateTrust.system());
    }

    @Test
    void aCertificateTheLauncherVouchesForIsPinnedWithoutBeingStored() {
        SignInViewModel vm = viewModel();
        fill(vm, "localhost:5222", "alice@localhost", "secret");
        vm.vouchForCertificate(FINGERPRINT.replace(":", "").toLowerCase());
        vm.signIn();

        assertThat(accounts.get(0).trust()).isEqualTo(CertificateTrust.pinned(FINGERPRINT));
        assertThat(settings.get().trustedCertificates()).isEmpty();
    }

    @Test
    void changingTheAddressClearsAnOldFailure() {
        nextSessions.add(failing(Reason.CERTIFICATE_UNTRUSTED, "untrusted", FINGERPRINT));
        SignInViewModel vm = viewModel();
        fill(vm, "", "alice@example.com", "secret");
        vm.signIn();
        assertThat(vm.untrustedFingerprintProperty().get()).isNotEmpty();

        vm.serverProperty().set("other.example.com:5222");

        assertThat(vm.untrustedFingerprintProperty().get()).isEmpty();
        assertThat(vm.errorMessageProperty().get()).isEmpty();
        vm.trustCertificateAndRetry();   // nothing left to trust
        assertThat(settings.get().trustedCertificates()).isEmpty();
    }

    @Test
    void rememberMeStoresThePasswordInTheVault() {
        SignInViewModel vm = viewModel();
        fill(vm, "", "Alice@Example.com", "secret");
        vm.rememberMeProperty().set(true);
        vm.signIn();

        assertThat(vault.stored).containsExactly(Map.entry("alice@example.com", "secret"));
        assertThat(settings.get().rememberMe()).isTrue();
    }

    @Test
    void withoutRememberMeAStoredPasswordIsForgotten() {
        vault.stored.put("alice@example.com", "old");
        SignInViewModel vm = viewModel();
        fill(vm, "", "alice@example.com", "secret");
        vm.rememberMeProperty().set(false);
        vm.signIn();

        assertThat(vault.stored).isEmpty();
        assertThat(settings.get().rememberMe()).isFalse();
    }

    @Test
    void aRememberedPasswordIsFilledIn() {
        vault.stored.put("alice@example.com", "secret");
        SettingsModel remembered = new SettingsModel(
                AppSettings.defaults().withSignIn("", "alice@example.com", true), s -> { });
        SignInViewModel vm = viewModel(remembered);
        assertThat(vm.rememberMeProperty().get()).isTrue();

        vm.loadRememberedPassword();

        assertThat(vm.passwordProperty().get()).isEqualTo("secret");
        assertThat(vm.canSignIn().get()).isTrue();
    }

    @Test
    void aVaultFailureDoesNotUndoTheSignInButIsReported() {
        vault.failure = new CredentialVaultException("keyring locked");
        SignInViewModel vm = viewModel();
        fill(vm, "", "alice@example.com", "secret");
        vm.rememberMeProperty().set(true);
        vm.signIn();

        assertThat(signedIn).singleElement().satisfies(s ->
                assertThat(s.notice()).hasValueSatisfying(n -> assertThat(n).contains("could not be remembered", "keyring locked")));
    }

    @Test
    void withoutASecureStoreNothingIsRememberedAndTheUiSaysSo() {
        SettingsModel remembered = new SettingsModel(
                AppSettings.defaults().withSignIn("", "alice@example.com", true), s -> { });
        SignInViewModel vm = new SignInViewModel(account -> new FakeClientSession(account.user()), remembered,
                new NoCredentialVault(), ui, signedIn::add);

        assertThat(vm.rememberMeAvailable()).isFalse();
        assertThat(vm.rememberMeProperty().get()).isFalse();
        assertThat(vm.rememberMeHint()).contains("will not be remembered");

        fill(vm, "", "alice@example.com", "secret");
        vm.rememberMeProperty().set(true);
        vm.signIn();
        assertThat(remembered.get().rememberMe()).isFalse();
    }

    @Test
    void serverAddressForms() {
        assertThat(ServerAddress.parse("  ")).isEqualTo(ServerAddress.FROM_USER_DOMAIN);
        assertThat(ServerAddress.parse("Example.COM").domain()).contains("example.com");
        assertThat(ServerAddress.parse("chat.example.com:5222").endpoint())
                .contains(new ServerEndpoint("chat.example.com", 5222));
        assertThat(ServerAddress.parse("[::1]:5222").endpoint()).contains(new ServerEndpoint("::1", 5222));
        assertThatIllegalArgumentException().isThrownBy(() -> ServerAddress.parse("host:0"));
        assertThatIllegalArgumentException().isThrownBy(() -> ServerAddress.parse("alice@example.com"));
        assertThatIllegalArgumentException().isThrownBy(() -> ServerAddress.parse("host:port"));
    }
}
