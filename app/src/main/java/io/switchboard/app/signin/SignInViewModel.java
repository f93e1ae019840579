package io.switchboard.app.signin;

import io.switchboard.app.preset.PresetKey;
import io.switchboard.app.settings.AccountType;
import io.switchboard.app.settings.AppSettings;
import io.switchboard.app.settings.PhoneServerSettings;
import io.switchboard.app.settings.CallMode;
import io.switchboard.app.settings.PhoneSettings;
import io.switchboard.app.settings.CredentialVault;
import io.switchboard.app.settings.CredentialVaultException;
import io.switchboard.app.settings.SettingsModel;
import io.switchboard.app.settings.SipSignInSettings;
import io.switchboard.app.ui.Background;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.InvalidAddressException;
import io.switchboard.core.service.ClientSession;
import io.switchboard.core.service.ServiceException;
import io.switchboard.core.service.SignInException;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.xmpp.CertificateTrust;
import io.switchboard.xmpp.XmppAccount;
import io.switchboard.core.tls.CertificateFingerprint;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sign-in form: the account type, then for XMPP server and user, for SIP/SIMPLE the address
 * of record, auth user and primary/backup proxy; password and remember me for both. Signs in on
 * a worker and explains every {@link SignInException.Reason}. An untrusted certificate is accepted only by the
 * user's explicit {@link #trustCertificateAndRetry()}, and remembered for that server.
 * Used on the UI thread.
 */
public final class SignInViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SignInViewModel.class);

    private final SessionFactory sessions;
    private final SettingsModel settings;
    private final CredentialVault vault;
    private final Background background;
    private final Consumer<SignedIn> onSignedIn;

    private final StringProperty server = new SimpleStringProperty(this, "server", "");
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final BooleanProperty rememberMe = new SimpleBooleanProperty(this, "rememberMe");
    private final ObjectProperty<AccountType> accountType = new SimpleObjectProperty<>(this, "accountType",
            AccountType.XMPP);
    private final SipAccountForm sip;
    /** SIP accounts only: the softphone or the desk phone, and the desk line. */
    private final ObjectProperty<CallMode> callMode = new SimpleObjectProperty<>(this, "callMode", CallMode.SOFTPHONE);
    private final StringProperty deskLine = new SimpleStringProperty(this, "deskLine", "");
    /** XMPP accounts: the SIP proxy of their calls, host[:port]; empty for no phone. */
    private final StringProperty phoneServer = new SimpleStringProperty(this, "phoneServer", "");
    private final ObjectProperty<SipTransport> phoneServerTransport = new SimpleObjectProperty<>(this,
            "phoneServerTransport", SipTransport.UDP);
    private final ReadOnlyBooleanWrapper signingIn = new ReadOnlyBooleanWrapper(this, "signingIn");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyStringWrapper untrustedFingerprint = new ReadOnlyStringWrapper(this, "untrustedFingerprint", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final StringBinding validationMessage;
    private final BooleanBinding canSignIn;
    /** Certificates vouched for by the launcher, for this run only: server key → fingerprint. */
    private final Map<String, String> vouchedCertificates = new HashMap<>();
    /** The certificate the launcher vouched for, also trusted for the SIP proxy of this run. */
    private String launchVouched;
    /** The server whose certificate was refused, for the trust button. */
    private String untrustedServerKey;
    /** What the administrator set and users may not change (ADR 0031). */
    private final EnumSet<PresetKey> locked = EnumSet.noneOf(PresetKey.class);
    /** The domain of a bare user name, preset by the administrator; "" for none. */
    private String presetDomain = "";

    public SignInViewModel(SessionFactory sessions, SettingsModel settings, CredentialVault vault,
                           Background background, Consumer<SignedIn> onSignedIn) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.vault = Objects.requireNonNull(vault, "vault");
        this.background = Objects.requireNonNull(background, "background");
        this.onSignedIn = Objects.requireNonNull(onSignedIn, "onSignedIn");

        var saved = settings.get();
        server.set(saved.lastServer());
        user.set(saved.lastUser());
        rememberMe.set(saved.rememberMe() && vault.canRemember());
        accountType.set(saved.accountType());
        sip = new SipAccountForm(saved.sip());
        callMode.set(saved.phone().mode());
        deskLine.set(saved.phone().deskLine());
        phoneServer.set(saved.phoneServer().proxy());
        phoneServerTransport.set(saved.phoneServer().transport());

        validationMessage = Bindings.createStringBinding(() -> validate().orElse(""), server, user, password,
                accountType, callMode, deskLine, phoneServer, phoneServerTransport);
        // a change listener, not an invalidation one: it hears every change, also while nobody reads the field
        for (ObservableValue<?> field : sip.fields()) {
            field.addListener((obs, was, now) -> {
                validationMessage.invalidate();
                clearFailure();
            });
        }
        canSignIn = validationMessage.isEmpty().and(signingIn.not());
        // a new attempt with other data makes an old failure message misleading
        server.addListener((obs, was, now) -> clearFailure());
        phoneServer.addListener((obs, was, now) -> clearFailure());
        user.addListener((obs, was, now) -> clearFailure());
        accountType.addListener((obs, was, now) -> clearFailure());
    }

    /** XMPP or SIP/SIMPLE: which of the two field sets the form shows and signs in with. */
    public ObjectProperty<AccountType> accountTypeProperty() {
        return accountType;
    }

    /** SIP: the address of record, user@domain. */
    public StringProperty sipAddressProperty() {
        return sip.address;
    }

    /** SIP: the digest user name when it is not the user part of the address; may be empty. */
    public StringProperty sipAuthUserProperty() {
        return sip.authUser;
    }

    /** SIP: the primary proxy, host[:port]; empty for the address's domain on port 5060. */
    public StringProperty sipProxyProperty() {
        return sip.proxy;
    }

    public ObjectProperty<SipTransport> sipProxyTransportProperty() {
        return sip.proxyTransport;
    }

    /** SIP: the backup proxy, host[:port]; empty for none. */
    public StringProperty sipBackupProxyProperty() {
        return sip.backupProxy;
    }

    public ObjectProperty<SipTransport> sipBackupTransportProperty() {
        return sip.backupTransport;
    }

    /** SIP: the XCAP root for answering watch requests; empty for the primary proxy's host, port 5062. */
    public StringProperty sipXcapRootProperty() {
        return sip.xcapRoot;
    }

    /** Accounts with a phone (SIP, or XMPP with a phone server): calls use this computer or the desk phone. */
    public ObjectProperty<CallMode> callModeProperty() {
        return callMode;
    }

    /** In desk-phone mode: the desk line's extension, e.g. "1001". */
    public StringProperty deskLineProperty() {
        return deskLine;
    }

    /** XMPP: the phone server (SIP proxy) of the calls, host[:port]; empty for an account without a phone. */
    public StringProperty phoneServerProperty() {
        return phoneServer;
    }

    public ObjectProperty<SipTransport> phoneServerTransportProperty() {
        return phoneServerTransport;
    }

    public StringProperty serverProperty() {
        return server;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public BooleanProperty rememberMeProperty() {
        return rememberMe;
    }

    /** False when no secure password store works here: the check box is off and disabled. */
    public boolean rememberMeAvailable() {
        return vault.canRemember();
    }

    /** Says where the password is kept, or that it cannot be remembered. */
    public String rememberMeHint() {
        return vault.canRemember()
                ? "Your password is kept in " + vault.description() + "."
                : "No secure password store is available on this system, so your password will not be remembered.";
    }

    public ReadOnlyBooleanProperty signingInProperty() {
        return signingIn.getReadOnlyProperty();
    }

    public ObservableBooleanValue canSignIn() {
        return canSignIn;
    }

    /** Why the form cannot be sent yet; empty when it can. */
    public ObservableStringValue validationMessage() {
        return validationMessage;
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** The SHA-256 fingerprint of a refused server certificate; empty when none is to be decided. */
    public ReadOnlyStringProperty untrustedFingerprintProperty() {
        return untrustedFingerprint.getReadOnlyProperty();
    }

    /** Information for the user that is not a failure of this sign-in (e.g. settings were reset). */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public void showNotice(String text) {
        notice.set(text == null ? "" : text);
    }

    /**
     * Sets {@code field} to what the administrator preset and keeps it there: the view disables its
     * control, and any other change (a script's option, a saved setting applied later) is undone.
     */
    public <T> void lock(PresetKey key, Property<T> field, T value) {
        locked.add(key);
        field.setValue(value);
        field.addListener((obs, was, now) -> {
            if (!Objects.equals(now, value)) {
                field.setValue(value);
            }
        });
    }

    /** Marks {@code key} as set by the administrator, for a value that is no single field of the form. */
    public void lock(PresetKey key) {
        locked.add(key);
    }

    /** Whether the administrator set {@code key} so that users cannot change it. */
    public boolean isLocked(PresetKey key) {
        return locked.contains(key);
    }

    /** Whether anything in the form is set by the administrator. */
    public boolean hasLockedFields() {
        return !locked.isEmpty();
    }

    /**
     * A bare user name ("alice") means an address at {@code domain}; when {@code locked}, every
     * address must be at it.
     */
    public void presetDomain(String domain, boolean lockedDomain) {
        presetDomain = domain.strip().toLowerCase(Locale.ROOT);
        sip.defaultDomain = presetDomain;
        sip.domainLocked = lockedDomain;
        if (lockedDomain) {
            locked.add(PresetKey.DOMAIN);
        }
        validationMessage.invalidate();
    }

    /**
     * False when the administrator pinned the server's certificate and locked it: then no other
     * certificate can be trusted from the form.
     */
    public boolean canTrustCertificates() {
        return !locked.contains(PresetKey.TRUST_FINGERPRINT);
    }

    /**
     * Trusts {@code fingerprint} for the server now in the form, for this run only and without
     * storing it: the launcher of the bundled demo server vouches for its certificate.
     */
    public void vouchForCertificate(String fingerprint) {
        vouchForCertificate(serverKey(), fingerprint);
    }

    /** As {@link #vouchForCertificate(String)}, for the server {@code key} (as typed in the server field). */
    public void vouchForCertificate(String key, String fingerprint) {
        vouchedCertificates.put(key.strip().toLowerCase(Locale.ROOT), CertificateFingerprint.normalise(fingerprint));
        // the same server's SIP side presents the same certificate over TLS
        launchVouched = CertificateFingerprint.normalise(fingerprint);
        LOG.info("Certificate {} vouched for by the launcher for {}", fingerprint, key);
    }

    /** Fills the password from the vault when the user asked to be remembered; runs in the background. */
    public void loadRememberedPassword() {
        String account = typedVaultAccount();
        if (!rememberMe.get() || account.isEmpty() || !password.get().isEmpty()) {
            return;
        }
        background.submit("load the remembered password", () -> vault.load(account),
                stored -> stored.ifPresent(p -> {
                    if (password.get().isEmpty() && account.equals(typedVaultAccount())) {
                        password.set(new String(p));
                    }
                }),
                failure -> notice.set("Your remembered password could not be read: " + failure.getMessage()));
    }

    public void signIn() {
        if (!canSignIn.get()) {
            return;
        }
        if (accountType.get() == AccountType.SIP) {
            signInSip();
            return;
        }
        XmppAccount account;
        Optional<SipAccount> phone;
        try {
            account = account();
            phone = phoneAccount(account.user());
        } catch (IllegalArgumentException e) {
            errorMessage.set(e.getMessage());
            return;
        }
        clearFailure();
        signingIn.set(true);
        String serverText = server.get().strip();
        String userText = user.get().strip();
        String key = serverKey();
        boolean remember = rememberMe.get() && vault.canRemember();
        char[] secret = password.get().toCharArray();
        PhoneServerSettings phoneTyped = new PhoneServerSettings(phoneServer.get(), phoneServerTransport.get());
        PhoneSettings phoneMode = new PhoneSettings(callMode.get(), deskLine.get());
        LOG.info("Signing in: {}{}", account, phone.map(p -> ", calls at " + p.primary()).orElse(""));
        background.submit("sign in " + account.user(),
                () -> withPhoneLine(signInAndRemember(() -> sessions.create(account), account.user().toJid(),
                        remember, secret).withPassword(secret), phone),
                signedIn -> {
                    signingIn.set(false);
                    password.set("");
                    settings.update(s -> {
                        AppSettings signed = s.withSignIn(serverText, userText, remember, phoneTyped);
                        // the phone mode belongs to the phone: without one the saved choice stays
                        return phone.isPresent() ? signed.withPhone(phoneMode) : signed;
                    });
                    onSignedIn.accept(signedIn);
                },
                failure -> {
                    signingIn.set(false);
                    showFailure(failure, key);
                });
    }

    private void signInSip() {
        SipAccount account;
        try {
            account = sip.account(password.get(), key -> Optional.ofNullable(vouchedCertificates.get(key))
                    .or(() -> settings.get().trustedCertificate(key))
                    .or(() -> Optional.ofNullable(launchVouched)));
        } catch (IllegalArgumentException e) {
            errorMessage.set(e.getMessage());
            return;
        }
        clearFailure();
        signingIn.set(true);
        boolean remember = rememberMe.get() && vault.canRemember();
        char[] secret = password.get().toCharArray();
        SipSignInSettings typed = sip.typed();
        PhoneSettings phone = new PhoneSettings(callMode.get(), deskLine.get());
        String proxies = SipAccountForm.proxies(account);
        LOG.info("Signing in: {}", account);
        background.submit("sign in " + account.address(),
                () -> signInAndRemember(() -> sessions.create(account), SipAccountForm.vaultAccount(account.address()), remember,
                        secret),
                signedIn -> {
                    signingIn.set(false);
                    password.set("");
                    settings.update(s -> s.withSipSignIn(typed, remember).withPhone(phone));
                    onSignedIn.accept(signedIn);
                },
                failure -> {
                    signingIn.set(false);
                    showSipFailure(failure, proxies, SipAccountForm.certificateKey(account.primary()));
                });
    }

    /** The user compared the fingerprint and accepts it: remembered for this server, then sign in again. */
    public void trustCertificateAndRetry() {
        String fingerprint = untrustedFingerprint.get();
        if (fingerprint.isEmpty() || untrustedServerKey == null || !canTrustCertificates()) {
            return;
        }
        String key = untrustedServerKey;
        settings.update(s -> s.withTrustedCertificate(key, fingerprint));
        LOG.warn("The user trusted the certificate {} for {}", fingerprint, key);
        clearFailure();
        signIn();
    }

    /** On a worker: sign in, then keep or forget the password. A vault failure does not undo the sign-in. */
    private SignedIn signInAndRemember(Callable<ClientSession> newSession, String vaultAccount, boolean remember,
                                       char[] secret) throws Exception {
        ClientSession session = newSession.call();
        try {
            session.signIn();
        } catch (Exception | Error e) {
            session.close();
            throw e;
        }
        try {
            if (remember) {
                vault.store(vaultAccount, secret);
            } else {
                vault.delete(vaultAccount);
            }
            return new SignedIn(session, Optional.empty());
        } catch (CredentialVaultException e) {
            LOG.warn("Password of {} could not be {} in {}: {}", vaultAccount, remember ? "remembered" : "forgotten",
                    vault.description(), e.getMessage());
            return new SignedIn(session, Optional.of(remember
                    ? "Your password could not be remembered: " + e.getMessage()
                    : "Your saved password could not be removed: " + e.getMessage()));
        }
    }

    /** The account the form describes. @throws IllegalArgumentException with a message for the user */
    XmppAccount account() {
        ServerAddress address = ServerAddress.parse(server.get());
        Address me = address(address);
        String key = serverKey();
        CertificateTrust trust = Optional.ofNullable(vouchedCertificates.get(key))
                .or(() -> settings.get().trustedCertificate(key))
                .map(CertificateTrust::pinned)
                .orElse(CertificateTrust.system());
        XmppAccount account = XmppAccount.of(me, password.get().toCharArray()).withTrust(trust);
        return address.endpoint().map(account::withServer).orElse(account);
    }

    /** On a worker: the phone line's SIP stack; without one the user still has IM, and is told why. */
    private SignedIn withPhoneLine(SignedIn signedIn, Optional<SipAccount> phone) {
        if (phone.isEmpty()) {
            return signedIn;
        }
        try {
            return signedIn.withPhoneLine(sessions.phoneLine(phone.get()));
        } catch (ServiceException e) {
            LOG.warn("The phone line of {} could not start: {}", phone.get().address(), e.getMessage());
            return signedIn.withNotice("Calls are unavailable: " + e.getMessage());
        }
    }

    /** The phone line of an XMPP account when a phone server is typed. @throws IllegalArgumentException for the user */
    private Optional<SipAccount> phoneAccount(Address me) {
        if (phoneServer.get().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(SipAccountForm.phoneAccount(me, password.get(), phoneServer.get(),
                phoneServerTransport.get(), key -> Optional.ofNullable(vouchedCertificates.get(key))
                        .or(() -> settings.get().trustedCertificate(key))
                        .or(() -> Optional.ofNullable(launchVouched))));
    }

    /** The vault entry of the account now typed in, for loading; empty when none can be told yet. */
    private String typedVaultAccount() {
        if (accountType.get() != AccountType.SIP) {
            return user.get().strip();
        }
        return sip.typedVaultAccount();
    }

    /** The server as remembered for trusted certificates: the field's text, or the user's domain. */
    String serverKey() {
        String typed = server.get().strip().toLowerCase(Locale.ROOT);
        if (!typed.isEmpty()) {
            return typed;
        }
        String u = user.get().strip();
        int at = u.lastIndexOf('@');
        return at >= 0 ? u.substring(at + 1).toLowerCase(Locale.ROOT) : "";
    }

    private Address address(ServerAddress address) {
        String u = user.get().strip();
        try {
            if (u.contains("@")) {
                Address me = Address.parse(u);
                if (address.domain().isPresent() && !address.domain().get().equals(me.domain())) {
                    throw new IllegalArgumentException("Your address " + me + " is not on " + address.domain().get()
                            + ". Leave the server empty, or enter the host:port of your server.");
                }
                requirePresetDomain(me);
                return me;
            }
            if (address.domain().isPresent()) {
                return requirePresetDomain(Address.of(u, address.domain().get()));
            }
            if (!presetDomain.isEmpty()) {
                return Address.of(u, presetDomain);
            }
            throw new IllegalArgumentException("Enter your full address, like alice@example.com.");
        } catch (InvalidAddressException e) {
            throw new IllegalArgumentException("Your address is not valid: " + e.getMessage() + ".", e);
        }
    }

    /** @throws IllegalArgumentException when the administrator locked the domain and {@code me} is elsewhere */
    private Address requirePresetDomain(Address me) {
        if (locked.contains(PresetKey.DOMAIN) && !me.domain().equals(presetDomain)) {
            throw new IllegalArgumentException("Your address must be at " + presetDomain
                    + " (set by your administrator).");
        }
        return me;
    }

    private Optional<String> validate() {
        if (accountType.get() == AccountType.SIP) {
            return sip.validate(password.get()).or(() -> callMode.get() == CallMode.DESK_PHONE
                    ? PhoneSettings.lineProblem(deskLine.get()) : Optional.empty());
        }
        if (user.get().isBlank()) {
            return Optional.of("Enter your address, like alice@example.com.");
        }
        if (password.get().isEmpty()) {
            return Optional.of("Enter your password.");
        }
        try {
            Address me = address(ServerAddress.parse(server.get()));
            phoneAccount(me);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        return !phoneServer.get().isBlank() && callMode.get() == CallMode.DESK_PHONE
                ? PhoneSettings.lineProblem(deskLine.get()) : Optional.empty();
    }

    private void showSipFailure(Exception failure, String proxies, String certificateKey) {
        if (failure instanceof SignInException e) {
            errorMessage.set(SipAccountForm.messageFor(e, proxies));
            if (e.reason() == SignInException.Reason.CERTIFICATE_UNTRUSTED && e.certificateFingerprint().isPresent()) {
                // a backup proxy's certificate is asked about when the backup is the one that answered
                untrustedServerKey = certificateKey;
                untrustedFingerprint.set(e.certificateFingerprint().get());
            }
            LOG.warn("SIP sign-in at {} failed ({}): {}", proxies, e.reason(), e.getMessage());
        } else {
            errorMessage.set("Signing in failed: " + failure.getMessage());
            LOG.warn("SIP sign-in at {} failed", proxies, failure);
        }
    }

    private void showFailure(Exception failure, String key) {
        if (failure instanceof SignInException e) {
            errorMessage.set(messageFor(e, key.isEmpty() ? "the server" : key));
            if (e.reason() == SignInException.Reason.CERTIFICATE_UNTRUSTED && e.certificateFingerprint().isPresent()) {
                untrustedServerKey = key;
                untrustedFingerprint.set(e.certificateFingerprint().get());
            }
            LOG.warn("Sign-in to {} failed ({}): {}", key, e.reason(), e.getMessage());
        } else {
            errorMessage.set("Signing in failed: " + failure.getMessage());
            LOG.warn("Sign-in to {} failed", key, failure);
        }
    }

    /** One clear message per reason, saying what the user can do about it. */
    static String messageFor(SignInException e, String server) {
        return switch (e.reason()) {
            case BAD_CREDENTIALS -> "Wrong user name or password. Check both and try again.";
            case UNREACHABLE -> "Cannot reach the server " + server
                    + ". Check the server address and your network connection.";
            case CERTIFICATE_UNTRUSTED -> "The certificate of " + server + " is not trusted. Trust it only if its"
                    + " SHA-256 fingerprint below matches the one your administrator gave you.";
            case TLS_FAILURE -> "A secure connection to " + server + " could not be set up: " + e.getMessage();
            case POLICY_VIOLATION -> "The server refused the sign-in: " + e.getMessage();
            case PROTOCOL_ERROR -> "The server answered in a way Switchboard does not understand: " + e.getMessage();
        };
    }

    private void clearFailure() {
        errorMessage.set("");
        untrustedFingerprint.set("");
        untrustedServerKey = null;
    }
}
