package io.switchboard.app.settings;

import com.fasterxml.jackson.annotation.JsonCreator;

import io.switchboard.media.SrtpPolicy;
import io.switchboard.media.device.AudioDevicePreferences;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the client remembers between runs. Never a password: that lives in a
 * {@link CredentialVault}. Missing or null fields (an older file) fall back to the defaults.
 *
 * @param lastServer          what the user typed in the server field; empty for "from my address"
 * @param autoAwayMinutes     idle minutes before the presence turns Away; 0 switches it off
 * @param trustedCertificates server (as typed in the server field, lower case) → SHA-256 fingerprint
 *                            of the certificate the user explicitly accepted for it
 * @param accountType         the type of the account last signed in with (XMPP in files from before SIP)
 * @param sip                 the SIP fields of the sign-in form (the XMPP ones are lastServer and lastUser)
 * @param audio               the microphone, speaker and ringer the user chose (system defaults when absent)
 * @param callEncryption      whether calls encrypt their audio (SRTP): when possible by default
 * @param phone               softphone or desk-phone mode, and the desk line (softphone when absent)
 * @param phoneServer         XMPP accounts: the SIP proxy of their calls (none when absent)
 */
public record AppSettings(String lastServer, String lastUser, boolean rememberMe, Theme theme, int autoAwayMinutes,
                          boolean showOfflineContacts, SortOrder sortOrder, Map<String, String> trustedCertificates,
                          AccountType accountType, SipSignInSettings sip, AudioDevicePreferences audio,
                          SrtpPolicy callEncryption, PhoneSettings phone, PhoneServerSettings phoneServer) {

    public static final int DEFAULT_AUTO_AWAY_MINUTES = 10;

    // Jackson must use this one: the shorter constructor below would hide the SIP fields of a file
    @JsonCreator
    public AppSettings {
        accountType = accountType == null ? AccountType.XMPP : accountType;
        sip = sip == null ? SipSignInSettings.EMPTY : sip;
        audio = audio == null ? AudioDevicePreferences.SYSTEM_DEFAULTS : audio;
        callEncryption = callEncryption == null ? SrtpPolicy.OPTIONAL : callEncryption;
        phone = phone == null ? PhoneSettings.SOFTPHONE : phone;
        phoneServer = phoneServer == null ? PhoneServerSettings.NONE : phoneServer;
        lastServer = lastServer == null ? "" : lastServer;
        lastUser = lastUser == null ? "" : lastUser;
        theme = theme == null ? Theme.LIGHT : theme;
        autoAwayMinutes = Math.max(0, autoAwayMinutes);
        sortOrder = sortOrder == null ? SortOrder.BY_AVAILABILITY : sortOrder;
        trustedCertificates = Map.copyOf(trustedCertificates == null ? Map.of() : trustedCertificates);
    }

    /** Settings of an XMPP account, as before SIP accounts existed. */
    public AppSettings(String lastServer, String lastUser, boolean rememberMe, Theme theme, int autoAwayMinutes,
                       boolean showOfflineContacts, SortOrder sortOrder, Map<String, String> trustedCertificates) {
        this(lastServer, lastUser, rememberMe, theme, autoAwayMinutes, showOfflineContacts, sortOrder,
                trustedCertificates, AccountType.XMPP, SipSignInSettings.EMPTY, AudioDevicePreferences.SYSTEM_DEFAULTS,
                SrtpPolicy.OPTIONAL, PhoneSettings.SOFTPHONE, PhoneServerSettings.NONE);
    }

    /** Settings from before desk-phone mode: the softphone. */
    public AppSettings(String lastServer, String lastUser, boolean rememberMe, Theme theme, int autoAwayMinutes,
                       boolean showOfflineContacts, SortOrder sortOrder, Map<String, String> trustedCertificates,
                       AccountType accountType, SipSignInSettings sip, AudioDevicePreferences audio,
                       SrtpPolicy callEncryption) {
        this(lastServer, lastUser, rememberMe, theme, autoAwayMinutes, showOfflineContacts, sortOrder,
                trustedCertificates, accountType, sip, audio, callEncryption, PhoneSettings.SOFTPHONE,
                PhoneServerSettings.NONE);
    }

    public static AppSettings defaults() {
        return new AppSettings("", "", false, Theme.LIGHT, DEFAULT_AUTO_AWAY_MINUTES, true,
                SortOrder.BY_AVAILABILITY, Map.of());
    }

    public Optional<String> trustedCertificate(String serverKey) {
        return Optional.ofNullable(trustedCertificates.get(serverKey));
    }

    /** Settings from before XMPP accounts had a phone server: none. */
    public AppSettings(String lastServer, String lastUser, boolean rememberMe, Theme theme, int autoAwayMinutes,
                       boolean showOfflineContacts, SortOrder sortOrder, Map<String, String> trustedCertificates,
                       AccountType accountType, SipSignInSettings sip, AudioDevicePreferences audio,
                       SrtpPolicy callEncryption, PhoneSettings phone) {
        this(lastServer, lastUser, rememberMe, theme, autoAwayMinutes, showOfflineContacts, sortOrder,
                trustedCertificates, accountType, sip, audio, callEncryption, phone, PhoneServerSettings.NONE);
    }

    /** A successful XMPP sign-in with its phone server (the SIP fields stay for a switch back). */
    public AppSettings withSignIn(String server, String user, boolean remember, PhoneServerSettings phones) {
        return new AppSettings(server, user, remember, theme, autoAwayMinutes, showOfflineContacts, sortOrder,
                trustedCertificates, AccountType.XMPP, sip, audio, callEncryption, phone, phones);
    }

    /** A successful XMPP sign-in (the SIP fields stay for a switch back). */
    public AppSettings withSignIn(String server, String user, boolean remember) {
        return new AppSettings(server, user, remember, theme, autoAwayMinutes, showOfflineContacts, sortOrder,
                trustedCertificates, AccountType.XMPP, sip, audio, callEncryption, phone, phoneServer);
    }

    /** A successful SIP sign-in: the account type and the SIP fields (the XMPP fields stay for a switch back). */
    public AppSettings withSipSignIn(SipSignInSettings sipFields, boolean remember) {
        return new AppSettings(lastServer, lastUser, remember, theme, autoAwayMinutes, showOfflineContacts, sortOrder,
                trustedCertificates, AccountType.SIP, sipFields, audio, callEncryption, phone, phoneServer);
    }

    public AppSettings withTheme(Theme newTheme) {
        return new AppSettings(lastServer, lastUser, rememberMe, newTheme, autoAwayMinutes, showOfflineContacts,
                sortOrder, trustedCertificates, accountType, sip, audio, callEncryption, phone, phoneServer);
    }

    public AppSettings withAutoAwayMinutes(int minutes) {
        return new AppSettings(lastServer, lastUser, rememberMe, theme, minutes, showOfflineContacts, sortOrder,
                trustedCertificates, accountType, sip, audio, callEncryption, phone, phoneServer);
    }

    public AppSettings withShowOfflineContacts(boolean show) {
        return new AppSettings(lastServer, lastUser, rememberMe, theme, autoAwayMinutes, show, sortOrder,
                trustedCertificates, accountType, sip, audio, callEncryption, phone, phoneServer);
    }

    public AppSettings withSortOrder(SortOrder order) {
        return new AppSettings(lastServer, lastUser, rememberMe, theme, autoAwayMinutes, showOfflineContacts, order,
                trustedCertificates, accountType, sip, audio, callEncryption, phone, phoneServer);
    }

    /** Replaces every accepted certificate (the preferences dialog removes some). */
    public AppSettings withTrustedCertificates(Map<String, String> certificates) {
        return new AppSettings(lastServer, lastUser, rememberMe, theme, autoAwayMinutes, showOfflineContacts,
                sortOrder, certificates, accountType, sip, audio, callEncryption, phone, phoneServer);
    }

    /** The user chose other sound devices. */
    public AppSettings withAudio(AudioDevicePreferences devices) {
        return new AppSettings(lastServer, lastUser, rememberMe, theme, autoAwayMinutes, showOfflineContacts,
                sortOrder, trustedCertificates, accountType, sip, devices, callEncryption, phone, phoneServer);
    }

    /** The user chose when calls encrypt their audio. */
    public AppSettings withCallEncryption(SrtpPolicy policy) {
        return new AppSettings(lastServer, lastUser, rememberMe, theme, autoAwayMinutes, showOfflineContacts,
                sortOrder, trustedCertificates, accountType, sip, audio, policy, phone, phoneServer);
    }

    /** The user accepted this certificate for this server; it replaces one accepted before. */
    public AppSettings withTrustedCertificate(String serverKey, String fingerprint) {
        Map<String, String> trusted = new HashMap<>(trustedCertificates);
        trusted.put(serverKey, fingerprint);
        return new AppSettings(lastServer, lastUser, rememberMe, theme, autoAwayMinutes, showOfflineContacts,
                sortOrder, trusted, accountType, sip, audio, callEncryption, phone, phoneServer);
    }

    /** The user chose the softphone or the desk phone (at sign-in or from the main window). */
    public AppSettings withPhone(PhoneSettings choice) {
        return new AppSettings(lastServer, lastUser, rememberMe, theme, autoAwayMinutes, showOfflineContacts,
                sortOrder, trustedCertificates, accountType, sip, audio, callEncryption, choice, phoneServer);
    }
}
