package io.switchboard.app.signin;

import io.switchboard.app.settings.SipSignInSettings;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.InvalidAddressException;
import io.switchboard.core.service.SignInException;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.tls.SipTlsTrust;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.sip.ua.SipProxy;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * The SIP/SIMPLE fields of the sign-in form and what they mean: the {@link SipAccount} they
 * describe, why they do not describe one yet, and the SIP wording of sign-in failures. Part of
 * {@link SignInViewModel}; used on the UI thread.
 */
final class SipAccountForm {

    final StringProperty address = new SimpleStringProperty(this, "sipAddress", "");
    final StringProperty authUser = new SimpleStringProperty(this, "sipAuthUser", "");
    final StringProperty proxy = new SimpleStringProperty(this, "sipProxy", "");
    final ObjectProperty<SipTransport> proxyTransport = new SimpleObjectProperty<>(this, "sipProxyTransport",
            SipTransport.UDP);
    final StringProperty backupProxy = new SimpleStringProperty(this, "sipBackupProxy", "");
    final ObjectProperty<SipTransport> backupTransport = new SimpleObjectProperty<>(this, "sipBackupTransport",
            SipTransport.UDP);

    /** The administrator's domain of a bare user name ("alice"); "" for none (ADR 0031). */
    String defaultDomain = "";
    /** Whether every address must be at {@link #defaultDomain}. */
    boolean domainLocked;

    /** XCAP root of the presence rules; empty for the primary proxy's host on port 5062 (ADR 0019). */
    final StringProperty xcapRoot = new SimpleStringProperty(this, "sipXcapRoot", "");

    SipAccountForm(SipSignInSettings saved) {
        address.set(saved.address());
        authUser.set(saved.authUser());
        proxy.set(saved.proxy());
        proxyTransport.set(saved.proxyTransport());
        backupProxy.set(saved.backupProxy());
        backupTransport.set(saved.backupTransport());
        xcapRoot.set(saved.xcapRoot());
    }

    /** Every field, for "changed" listeners. */
    java.util.List<ObservableValue<?>> fields() {
        return java.util.List.of(address, authUser, proxy, proxyTransport, backupProxy, backupTransport, xcapRoot);
    }

    /** The fields as typed, to remember. */
    SipSignInSettings typed() {
        return new SipSignInSettings(address.get().strip(), authUser.get().strip(), proxy.get().strip(),
                proxyTransport.get(), backupProxy.get().strip(), backupTransport.get(), xcapRoot.get().strip());
    }

    /**
     * The account the fields describe: the primary proxy defaults to the address's domain on port
     * 5060 with the chosen transport, the auth user to the address's user part.
     *
     * @throws IllegalArgumentException with a message for the user
     */
    SipAccount account(String password) {
        return account(password, key -> Optional.empty());
    }

    /**
     * As {@link #account(String)}, trusting over TLS the certificates the user accepted earlier.
     *
     * @param trusted the accepted SHA-256 fingerprint for a {@link #certificateKey} if any
     */
    SipAccount account(String password, Function<String, Optional<String>> trusted) {
        Address me = addressOfRecord();
        String primaryText = proxy.get().strip();
        SipProxy primary = primaryText.isEmpty()
                ? new SipProxy(me.domain(), SipProxyAddress.defaultPort(proxyTransport.get()), proxyTransport.get())
                : SipProxyAddress.parse(primaryText, proxyTransport.get(), "primary proxy");
        SipProxy backup = backupProxy.get().isBlank() ? null
                : SipProxyAddress.parse(backupProxy.get(), backupTransport.get(), "backup proxy");
        if (primary.equals(backup)) {
            throw new IllegalArgumentException("The backup proxy is the same as the primary proxy. Enter another"
                    + " server, or leave the backup proxy empty.");
        }
        String auth = authUser.get().strip();
        if (auth.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("The authentication user name must not contain spaces.");
        }
        SipAccount account = SipAccount.of(me, password, primary).withBackup(backup).withXcapRoot(xcapRoot());
        account = account.withTlsTrust(trust(backup == null ? List.of(primary) : List.of(primary, backup), trusted));
        return auth.isEmpty() ? account : account.withAuthUsername(auth);
    }

    /**
     * The phone line of an XMPP account: the same user and password at the phone server (the
     * server shares its users between XMPP and SIP), trusted over TLS as a SIP sign-in is.
     *
     * @param phoneServer host[:port] as typed
     * @throws IllegalArgumentException with a message for the user
     */
    static SipAccount phoneAccount(Address me, String password, String phoneServer, SipTransport transport,
                                   Function<String, Optional<String>> trusted) {
        SipProxy proxy = SipProxyAddress.parse(phoneServer, transport, "phone server");
        return SipAccount.of(me, password, proxy).withTlsTrust(trust(List.of(proxy), trusted));
    }

    private static SipTlsTrust trust(List<SipProxy> proxies, Function<String, Optional<String>> trusted) {
        SipTlsTrust trust = SipTlsTrust.system();
        for (SipProxy p : proxies) {
            Optional<String> accepted = p.transport() == SipTransport.TLS ? trusted.apply(certificateKey(p))
                    : Optional.empty();
            if (accepted.isPresent()) {
                trust = trust.withTrustedFingerprint(accepted.get());
            }
        }
        return trust;
    }

    /** Where an accepted certificate of a SIP proxy is remembered: apart from XMPP servers' keys. */
    static String certificateKey(SipProxy proxy) {
        return "sip:" + proxy.host().toLowerCase(java.util.Locale.ROOT) + ":" + proxy.port();
    }

    /** The typed XCAP root, or null for the default. */
    private java.net.URI xcapRoot() {
        String text = xcapRoot.get().strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            java.net.URI root = new java.net.URI(text);
            if (root.getHost() != null && ("http".equalsIgnoreCase(root.getScheme())
                    || "https".equalsIgnoreCase(root.getScheme()))) {
                return root;
            }
        } catch (java.net.URISyntaxException e) {
            // explained below
        }
        throw new IllegalArgumentException("The XCAP root must be a web address like"
                + " http://sip.example.com:5062/xcap-root, or empty for your proxy on port 5062.");
    }

    /** Why the fields cannot be sent yet; empty when they can. */
    Optional<String> validate(String password) {
        if (address.get().isBlank()) {
            return Optional.of("Enter your SIP address, like alice@example.com.");
        }
        if (password.isEmpty()) {
            return Optional.of("Enter your password.");
        }
        try {
            account(password);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The vault entry of the typed account; empty when the address is not valid yet. */
    String typedVaultAccount() {
        try {
            return vaultAccount(addressOfRecord());
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** The vault entry of a SIP account: its own, so an XMPP and a SIP account at one address keep their passwords apart. */
    static String vaultAccount(Address address) {
        return "sip:" + address.toJid();
    }

    /** "the SIP proxy p1 or the backup proxy p2", for failure messages. */
    static String proxies(SipAccount account) {
        return account.backupProxy().map(b -> "the SIP proxy " + account.primary() + " or the backup proxy " + b)
                .orElse("the SIP proxy " + account.primary());
    }

    /** One clear message per reason for a SIP account, in the words of its form (proxy, auth user). */
    static String messageFor(SignInException e, String proxies) {
        return switch (e.reason()) {
            case BAD_CREDENTIALS -> "Wrong user name or password. Check your SIP address, password and, if your"
                    + " administrator gave you one, the authentication user name.";
            case UNREACHABLE -> "Cannot reach " + proxies + ". Check the proxy address, the transport (UDP, TCP"
                    + " or TLS) and your network connection.";
            case POLICY_VIOLATION -> "The SIP server refused the sign-in: " + e.getMessage();
            case PROTOCOL_ERROR -> "The SIP server answered in a way Switchboard does not understand: " + e.getMessage();
            case CERTIFICATE_UNTRUSTED -> "The certificate of " + proxies + " is not trusted. Trust it only if its"
                    + " SHA-256 fingerprint below matches the one your administrator gave you.";
            case TLS_FAILURE -> "A secure connection to " + proxies + " could not be set up: " + e.getMessage();
        };
    }

    private Address addressOfRecord() {
        String aor = address.get().strip();
        if (aor.regionMatches(true, 0, "sip:", 0, 4)) {
            aor = aor.substring(4);   // people paste URIs; the address of record is what follows
        }
        if (!aor.contains("@") && !aor.isEmpty() && !defaultDomain.isEmpty()) {
            aor = aor + "@" + defaultDomain;
        }
        if (!aor.contains("@")) {
            throw new IllegalArgumentException("Enter your full SIP address, like alice@example.com.");
        }
        try {
            Address me = Address.parse(aor);
            if (domainLocked && !me.domain().equals(defaultDomain)) {
                throw new IllegalArgumentException("Your SIP address must be at " + defaultDomain
                        + " (set by your administrator).");
            }
            return me;
        } catch (InvalidAddressException e) {
            throw new IllegalArgumentException("Your SIP address is not valid: " + e.getMessage() + ".", e);
        }
    }
}
